// A tenant reached through VS Code's Microsoft sign-in, built from what was saved of it. It appears
// at once; its first load asks for a token silently, and only "Sign in" asks the user.
import * as vscode from 'vscode';
import type { Authentication } from '../auth/sessions';
import { VscodeSessionCredential } from '../auth/vscodeSessionCredential';
import { CLOUDS, READ_ONLY, READ_WRITE, graphScopes, vscodeSignInScopes, type CloudEndpoints } from '../graph/clouds';
import type { Logger } from '../logging/logger';
import { settings } from '../settings';
import { connectGraph } from './graphConnection';
import { savedTenantKey, type SavedTenant } from './savedTenants';
import type { Tenant } from './tenant';

/** A custom Graph endpoint signs in like the global cloud, with scopes on its own host. */
export function cloudOf(saved: SavedTenant): CloudEndpoints {
  if (saved.cloud !== 'custom') return CLOUDS[saved.cloud];
  return { ...CLOUDS.global, label: vscode.l10n.t('Custom endpoint'), graphOrigin: saved.graphOrigin! };
}

/** `remember` keeps what Graph said of the tenant (its id and name) with the saved entry. */
export function cloudTenant(saved: SavedTenant, auth: Authentication, logger: Logger, remember: (saved: SavedTenant) => void): Tenant {
  const cloud = cloudOf(saved);
  const permission = saved.readOnly ? READ_ONLY : READ_WRITE;
  const clientId = saved.cloud === 'custom' ? undefined : settings.clientId(saved.cloud);
  const scopes = vscodeSignInScopes(cloud.graphOrigin, {
    clientId,
    tenant: saved.tenantId ?? (saved.tenant === 'organizations' ? undefined : saved.tenant),
    permission,
  });
  const label = () => tenant.displayName;
  const credential = new VscodeSessionCredential(auth, cloud.vscodeProvider, scopes, label);
  const { api, permissions } = connectGraph(cloud.graphOrigin, credential, graphScopes(cloud.graphOrigin, permission), logger, label);
  const tenant: Tenant = {
    key: savedTenantKey(saved),
    kind: 'cloud',
    displayName: saved.displayName ?? saved.tenant,
    tenantId: saved.tenantId ?? '',
    get account() {
      return credential.account?.label ?? '';
    },
    portalOrigin: cloud.portal,
    api,
    canWrite: () => (saved.readOnly ? false : permissions.canWrite),
    signIn: {
      saved,
      cloud,
      providerId: cloud.vscodeProvider,
      signIn: async (newAccount) => (await credential.signIn(newAccount)) !== undefined,
    },
    learned: () => remember({ ...saved, tenantId: tenant.tenantId, displayName: tenant.displayName }),
    dispose: () => undefined,
  };
  return tenant;
}
