// Directory roles as tokens carry them (`wids`: role template ids), and the names tests mint them by.
import { badRequest } from './graphError';
import { GUID_PATTERN } from './ids';

/** Template ids, the same in every tenant. */
export const ROLE_TEMPLATES = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'Application Administrator': '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  // Explicitly cannot manage Application Proxy.
  'Cloud Application Administrator': '158c047a-c907-4556-b7ef-446551a6b5f7',
  // May grant consent for any permission, but not manage applications.
  'Privileged Role Administrator': 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  // Every member of a tenant has it; it changes nothing here.
  'User': 'b79fbf4d-3ef9-4689-8143-76b194e85509',
} as const;

/** The roles that may change connector groups and their members. */
export const APP_PROXY_ADMIN_ROLES: readonly string[] = [ROLE_TEMPLATES['Global Administrator'], ROLE_TEMPLATES['Application Administrator']];

/**
 * The roles that may grant tenant-wide consent to an app's delegated Graph permissions (Microsoft's
 * "Grant tenant-wide admin consent" page: these four; Cloud Application Administrator may, though it
 * cannot manage Application Proxy).
 */
export const CONSENT_ROLES: readonly string[] = [
  ROLE_TEMPLATES['Global Administrator'], ROLE_TEMPLATES['Privileged Role Administrator'],
  ROLE_TEMPLATES['Application Administrator'], ROLE_TEMPLATES['Cloud Application Administrator'],
];

/** The sandbox's user unless told otherwise: an administrator. */
export const DEFAULT_ROLES: readonly string[] = [ROLE_TEMPLATES['Global Administrator'], ROLE_TEMPLATES.User];

const BY_NAME = new Map(Object.entries(ROLE_TEMPLATES).map(([name, id]) => [name.replace(/\s+/g, '').toLowerCase(), id]));

/** Role names (`Application Administrator`, any case and spacing) or template ids, as template ids; 400 for anything else. */
export function roleIds(value: unknown, field = 'roles'): string[] {
  if (!Array.isArray(value) || value.some((r) => typeof r !== 'string')) throw badRequest(`${field} must be an array of role names or role template ids.`);
  return (value as string[]).map((role) => {
    if (GUID_PATTERN.test(role)) return role.toLowerCase();
    const id = BY_NAME.get(role.replace(/\s+/g, '').toLowerCase());
    if (!id) throw badRequest(`Unknown role '${role}' in ${field}: give a template id or one of ${Object.keys(ROLE_TEMPLATES).join(', ')}.`);
    return id;
  });
}
