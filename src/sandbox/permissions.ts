// Who may do what, as Graph decides for the Application Proxy API: delegated permissions for reads
// and writes, and the signed-in user's directory role for every change.
import { APP_PROXY_ADMIN_ROLES } from './directoryRoles';
import { SandboxError } from './graphError';
import { READ_SCOPES, WRITE_SCOPES, type Grant } from './tokens';

const denied = () => new SandboxError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

export const hasWriteScope = (grant: Grant) => WRITE_SCOPES.some((s) => grant.scopes.has(s));

/**
 * Throws Graph's 403 unless the token may make this request. `readsNeedReadWrite` plays the tenants
 * where the Application Proxy backend takes only Directory.ReadWrite.All for reads too; it applies to
 * the routes that backend serves, not to directory reads such as /organization.
 */
export function checkAccess(grant: Grant, request: { method: string; appProxy: boolean }, readsNeedReadWrite: boolean): void {
  if (request.method === 'GET') {
    const accepted = readsNeedReadWrite && request.appProxy ? WRITE_SCOPES : READ_SCOPES;
    if (!accepted.some((s) => grant.scopes.has(s))) throw denied();
    return;
  }
  if (!hasWriteScope(grant)) throw denied();
  // Cloud Application Administrator and plain users cannot manage Application Proxy.
  if (!APP_PROXY_ADMIN_ROLES.some((r) => grant.roles.has(r))) throw denied();
}
