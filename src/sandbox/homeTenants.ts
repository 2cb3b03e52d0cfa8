// Whose account signs in on the device-login page: the user's home tenant follows from their domain,
// the sandbox tenant for its verified domains, another organisation (or a personal account) otherwise.
import { nameGuid } from './ids';
import type { Tenant } from './model';

export interface HomeTenant {
  id: string;
  displayName: string;
  /** The sandbox tenant itself, the only one whose Graph the sandbox serves. */
  sandbox: boolean;
  /** As AADSTS50020 names it. */
  identityProvider: string;
}

/** Domains of Microsoft personal accounts, which no app here accepts. */
const PERSONAL_DOMAINS = new Set(['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com']);

export const isPersonalAccount = (user: string) => PERSONAL_DOMAINS.has(domainOf(user));

const domainOf = (user: string) => user.slice(user.lastIndexOf('@') + 1).toLowerCase();

/** A stable id for another organisation, so its tokens name the same tenant every time. */
const tenantIdOf = (domain: string) => nameGuid(`tenant:${domain}`);

/** The user's home tenant; undefined for a personal account. */
export function homeTenantOf(user: string, tenant: Tenant): HomeTenant | undefined {
  const domain = domainOf(user);
  if (PERSONAL_DOMAINS.has(domain)) return undefined;
  const { organization } = tenant;
  if ((organization.verifiedDomains ?? []).some((d) => d.name.toLowerCase() === domain)) {
    return { id: organization.id, displayName: organization.displayName, sandbox: true, identityProvider: `https://sts.windows.net/${organization.id}/` };
  }
  const id = tenantIdOf(domain);
  return { id, displayName: domain, sandbox: false, identityProvider: `https://sts.windows.net/${id}/` };
}

/** A user name the page can take: one `@`, something on each side, no spaces. */
export const isUserName = (user: string) => /^[^\s@]{1,64}@[^\s@]{1,253}$/.test(user);
