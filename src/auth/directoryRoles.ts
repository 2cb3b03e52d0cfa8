// The directory roles a token names (`wids`: role template ids, the same in every tenant), and which
// of them may manage Application Proxy.

const ROLE_NAMES: Record<string, string> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451': 'Global Reader',
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b': 'Directory Readers',
  'b79fbf4d-3ef9-4689-8143-76b194e85509': 'User',
};

/** Global Administrator and Application Administrator; Cloud Application Administrator cannot manage Application Proxy. */
const MANAGES_APP_PROXY = new Set(['62e90394-69f5-4237-9190-012177145e10', '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3']);

export function roleName(templateId: string): string {
  return ROLE_NAMES[templateId.toLowerCase()] ?? templateId;
}

export function managesApplicationProxy(templateIds: readonly string[]): boolean {
  return templateIds.some((id) => MANAGES_APP_PROXY.has(id.toLowerCase()));
}

/** Either permission lets a delegated token change Application Proxy (the Azure CLI's carries the second). */
export const WRITE_PERMISSIONS = ['Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];

/**
 * What a token lacks for a change, from what it names: the permission, the role, nothing, or
 * 'unknown' when it does not say (not a JWT, no `scp` or no `wids`).
 */
export function missingForChange(scopes: readonly string[] | undefined, roles: readonly string[] | undefined): 'permission' | 'role' | 'unknown' | undefined {
  if (scopes && !scopes.some((s) => WRITE_PERMISSIONS.includes(s))) return 'permission';
  if (roles && !managesApplicationProxy(roles)) return 'role';
  return scopes && roles ? undefined : 'unknown';
}
