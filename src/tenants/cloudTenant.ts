// A tenant reached through a sign-in, built from what was saved of it. It appears at once; its first
// load asks for a token silently, and only "Sign in" asks the user.
import type { TokenCredential } from '@azure/identity';
import * as vscode from 'vscode';
import { AzureCliSignIn, DeviceCodeSignIn, type CodeAnswer, type CodePrompt } from '../auth/chunkedCredentials';
import type { Authentication } from '../auth/sessions';
import { VscodeSessionCredential } from '../auth/vscodeSessionCredential';
import { CLOUDS, READ_ONLY, READ_WRITE, graphScopes, vscodeSignInScopes, type CloudEndpoints } from '../graph/clouds';
import type { Logger } from '../logging/logger';
import { settings } from '../settings';
import { connectGraph } from './graphConnection';
import { savedTenantKey, type SavedTenant } from './savedTenants';
import type { Tenant, TenantSignIn } from './tenant';

/** A custom Graph endpoint signs in like the global cloud (or at its own authority), with scopes on its own host. */
export function cloudOf(saved: SavedTenant): CloudEndpoints {
  if (saved.cloud !== 'custom') return CLOUDS[saved.cloud];
  return { ...CLOUDS.global, label: vscode.l10n.t('Custom endpoint'), graphOrigin: saved.graphOrigin!, authority: saved.authority ?? CLOUDS.global.authority };
}

export interface CloudTenantDeps {
  auth: Authentication;
  logger: Logger;
  /** Keeps what Graph said of the tenant (its id and name) with the saved entry. */
  remember(saved: SavedTenant): void;
  /** Shows a device code to enter on another device; 'dismissed' when closed without going to the page. */
  showCode(prompt: CodePrompt): Promise<CodeAnswer> | CodeAnswer;
}

/** What is asked of the sign-in, apart from what the extension allows (readOnly). */
export function askedPermission(saved: SavedTenant): string {
  return saved.readOnly && !saved.askReadWrite ? READ_ONLY : READ_WRITE;
}

/** What the tenant learns as it is used, and keeps: its id (once Graph said it) and its account. */
interface Known {
  tenantId?: string;
  account?: { id: string; label: string };
  keep(): void;
}

/** The credential of the tenant's way in, and how its user signs in. */
function wayIn(saved: SavedTenant, cloud: CloudEndpoints, deps: CloudTenantDeps, label: () => string, known: Known) {
  const permission = askedPermission(saved);
  const clientId = settings.clientId(saved.cloud);
  const tenant = saved.tenantId ?? (saved.tenant === 'organizations' ? undefined : saved.tenant);
  if (saved.wayIn === 'deviceCode') {
    const credential = new DeviceCodeSignIn(
      { authority: cloud.authority, tenant: tenant ?? 'organizations', clientId: clientId ?? '', scopes: graphScopes(cloud.graphOrigin, permission) },
      label, deps.showCode);
    const signIn = () => {
      if (!clientId) throw new Error(vscode.l10n.t('Signing in with a device code needs your app registration: set connectorGroups.clientId first.'));
      return credential.signIn();
    };
    return { credential: credential as TokenCredential, signIn, account: () => '', code: () => credential.code };
  }
  if (saved.wayIn === 'azureCli') {
    const credential = new AzureCliSignIn(tenant, cloud.graphOrigin, cloud);
    // `az login` is the sign-in; a token asked for now says whether it worked.
    return { credential: credential as TokenCredential, signIn: async () => (await credential.getToken([])) !== null, account: () => '' };
  }
  // Asked by id once Graph has said it: a domain never equals the session's tenant id.
  const scopes = () => vscodeSignInScopes(cloud.graphOrigin, { clientId: saved.cloud === 'custom' ? undefined : clientId, tenant: known.tenantId ?? tenant, permission });
  const credential = new VscodeSessionCredential(deps.auth, cloud.vscodeProvider, scopes, label, known.account, (account) => {
    known.account = account;
    known.keep();
  });
  return {
    credential: credential as TokenCredential,
    signIn: async (newAccount?: boolean) => (await credential.signIn(newAccount)) !== undefined,
    account: () => credential.account?.label ?? '',
    providerId: cloud.vscodeProvider,
  };
}

export function cloudTenant(saved: SavedTenant, deps: CloudTenantDeps): Tenant {
  const cloud = cloudOf(saved);
  const label = () => tenant.displayName;
  const known: Known = {
    tenantId: saved.tenantId,
    account: saved.account,
    // Only what is known: the name once Graph has said it (with the id), the account once signed in.
    keep: () => deps.remember({
      ...saved,
      ...(known.tenantId ? { tenantId: known.tenantId, displayName: tenant.displayName } : {}),
      ...(known.account ? { account: known.account } : {}),
    }),
  };
  const way = wayIn(saved, cloud, deps, label, known);
  const { api, permissions } = connectGraph(cloud.graphOrigin, way.credential, graphScopes(cloud.graphOrigin, askedPermission(saved)), deps.logger, label);
  const signIn: TenantSignIn = { saved, cloud, providerId: way.providerId, signIn: way.signIn, code: 'code' in way ? way.code : undefined };
  const tenant: Tenant = {
    key: savedTenantKey(saved),
    kind: 'cloud',
    displayName: saved.displayName ?? saved.tenant,
    tenantId: saved.tenantId ?? '',
    get account() {
      return way.account() || permissions.account || '';
    },
    portalOrigin: cloud.portal,
    api,
    canWrite: () => (saved.readOnly ? false : permissions.canWrite),
    grants: () => permissions.grants,
    signIn,
    learned: () => {
      known.tenantId = tenant.tenantId || known.tenantId;
      known.keep();
    },
    dispose: () => undefined,
  };
  return tenant;
}
