// Open the sandbox tenant, sign in to a real one, remove a tenant, refresh, show the log.
import * as vscode from 'vscode';
import { signInFailure } from '../auth/signInFailure';
import { VscodeSessionCredential } from '../auth/vscodeSessionCredential';
import { CLOUDS, graphScopes } from '../graph/clouds';
import { isGuid } from '../shared/validation';
import { connectGraph } from '../tenants/graphConnection';
import { openSandboxTenant as startSandboxTenant, SANDBOX_KEY } from '../tenants/sandboxTenant';
import type { Tenant } from '../tenants/tenant';
import type { TreeNode } from '../tree/treeNode';
import { withNotificationProgress } from '../ui/progress';
import { ActionableError } from './actionableError';
import type { Services } from './services';
import { Cancelled, pickTenant } from './targets';

export async function openSandboxTenant(services: Services): Promise<string> {
  if (!services.registry.get(SANDBOX_KEY)) {
    await services.registry.open(() => withNotificationProgress(vscode.l10n.t('Opening the sandbox tenant'), () => startSandboxTenant(services.logger)));
  }
  const node = services.tree.tenantNode(SANDBOX_KEY);
  if (node) await services.treeView.reveal(node, { expand: true, select: false }).then(undefined, () => undefined);
  return SANDBOX_KEY;
}

/** Signs in with VS Code's Microsoft account to the global cloud; national clouds come with their own sign-in. */
export async function signIn(services: Services): Promise<string> {
  const cloud = CLOUDS.global;
  const entered = await services.prompts.input({
    title: vscode.l10n.t('Sign in to Microsoft Entra'),
    prompt: vscode.l10n.t('Tenant ID or verified domain (leave empty for the home tenant of your account)'),
    validateInput: (value) => !value.trim() || isGuid(value.trim()) || /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value.trim())
      ? undefined
      : vscode.l10n.t('Enter a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.'),
  });
  if (entered === undefined) throw new Cancelled();
  const credential = new VscodeSessionCredential(entered.trim() || undefined);
  const scopes = graphScopes(cloud.graphOrigin);
  const session = await credential.session(scopes, true).catch((error: unknown) => {
    const failure = signInFailure(error);
    if (failure.kind === 'cancelled') throw new Cancelled();
    if (failure.kind === 'unreachable') {
      throw new ActionableError(failure.message, vscode.l10n.t('Open Sandbox Tenant'), () => openSandboxTenant(services));
    }
    throw error;
  });
  if (!session) throw new Cancelled();
  const api = connectGraph(cloud.graphOrigin, credential, scopes, services.logger, () => tenant.displayName);
  const organization = await withNotificationProgress(vscode.l10n.t('Reading the tenant'), () => api.organization());
  const tenantId = organization?.id ?? entered.trim();
  const tenant: Tenant = {
    key: tenantId,
    kind: 'cloud',
    displayName: organization?.displayName ?? tenantId,
    tenantId,
    account: session.account.label,
    portalOrigin: cloud.portal,
    api,
    dispose: () => undefined,
  };
  await services.registry.add(tenant);
  return tenant.key;
}

export async function removeTenant(services: Services, node?: TreeNode): Promise<void> {
  const tenant = await pickTenant(services, node);
  await services.registry.remove(tenant.tenant.key);
}

export async function refresh(services: Services): Promise<void> {
  await services.tree.refresh();
}

export async function refreshNode(services: Services, node?: TreeNode): Promise<void> {
  await services.tree.refresh(node);
}

export async function showProblemsOnly(services: Services): Promise<void> {
  services.tree.setProblemsOnly(true);
}

export async function showAllGroups(services: Services): Promise<void> {
  services.tree.setProblemsOnly(false);
}

export async function showLog(services: Services): Promise<void> {
  services.logger.show(true);
}
