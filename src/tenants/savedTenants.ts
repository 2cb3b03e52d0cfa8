// The tenants the admin added, kept in globalState so they are there after a reload. No secrets:
// a tenant, its cloud and how to sign in to it (tokens stay with VS Code's sign-in).
import { isCloudName, type CloudName } from '../graph/clouds';
import { isGuid } from '../shared/validation';

/** VS Code's Microsoft sign-in, a device code (remote or locked-down hosts), or the Azure CLI's `az login`. */
export type WayIn = 'vscode' | 'deviceCode' | 'azureCli';
const WAYS_IN: readonly string[] = ['vscode', 'deviceCode', 'azureCli'];

export interface SavedTenant {
  /** As the admin entered it: a tenant id, a verified domain, or `organizations` for the account's home tenant. */
  tenant: string;
  cloud: CloudName | 'custom';
  /** The Graph endpoint of a custom cloud (a Graph sandbox, a proxy). */
  graphOrigin?: string;
  wayIn: WayIn;
  /** The sign-in authority of a custom endpoint reached by device code (https). */
  authority?: string;
  /** Ask only for Directory.Read.All: browse, never change. */
  readOnly?: boolean;
  /** What Graph said last time, shown before the tenant is read again. */
  displayName?: string;
  tenantId?: string;
}

export const STORE_KEY = 'connectorGroups.tenants';

/** The part of a Memento the store needs (globalState in the extension, a Map in tests). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export function isTenantName(value: string): boolean {
  return value === 'organizations' || isGuid(value) || /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(value);
}

/** Graph endpoints a tenant may be added with: https anywhere, plain http only on loopback (a sandbox). */
export function isGraphOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password || url.search || url.hash) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && /^(127\.0\.0\.1|localhost|\[::1\])$/.test(url.hostname));
  } catch {
    return false;
  }
}

/** A sign-in authority: https only (MSAL refuses anything else). */
export function isAuthority(value: string): boolean {
  return isGraphOrigin(value) && new URL(value).protocol === 'https:';
}

export function savedTenantKey(saved: SavedTenant): string {
  const where = saved.cloud === 'custom' ? `custom:${new URL(saved.graphOrigin!).origin}` : saved.cloud;
  return `${where}/${saved.tenant}`.toLowerCase();
}

/** One stored entry, checked field by field; anything else (an old or hand-edited value) is dropped. */
export function parseSavedTenant(value: unknown): SavedTenant | undefined {
  const v = value as Partial<Record<keyof SavedTenant, unknown>> | null;
  if (typeof v !== 'object' || v === null) return undefined;
  if (typeof v.tenant !== 'string' || !isTenantName(v.tenant)) return undefined;
  if (!(v.cloud === 'custom' || isCloudName(v.cloud))) return undefined;
  if (v.cloud === 'custom' && (typeof v.graphOrigin !== 'string' || !isGraphOrigin(v.graphOrigin))) return undefined;
  if (typeof v.wayIn !== 'string' || !WAYS_IN.includes(v.wayIn)) return undefined;
  if (v.authority !== undefined && (typeof v.authority !== 'string' || !isAuthority(v.authority))) return undefined;
  const text = (x: unknown) => (typeof x === 'string' && x.length <= 256 ? x : undefined);
  return {
    tenant: v.tenant,
    cloud: v.cloud,
    ...(v.cloud === 'custom' ? { graphOrigin: new URL(v.graphOrigin as string).origin } : {}),
    wayIn: v.wayIn as WayIn,
    ...(typeof v.authority === 'string' ? { authority: new URL(v.authority).origin } : {}),
    ...(v.readOnly === true ? { readOnly: true } : {}),
    ...(text(v.displayName) ? { displayName: text(v.displayName) } : {}),
    ...(typeof v.tenantId === 'string' && isGuid(v.tenantId) ? { tenantId: v.tenantId } : {}),
  };
}

export class SavedTenantStore {
  constructor(private readonly store: KeyValueStore) {}

  list(): SavedTenant[] {
    const raw = this.store.get<unknown>(STORE_KEY);
    const entries = Array.isArray(raw) ? raw.map(parseSavedTenant).filter((t) => t !== undefined) : [];
    const seen = new Set<string>();
    return entries.filter((t) => !seen.has(savedTenantKey(t)) && seen.add(savedTenantKey(t)));
  }

  /** Adds the tenant, or replaces the one with the same key. */
  async save(tenant: SavedTenant): Promise<void> {
    const key = savedTenantKey(tenant);
    const others = this.list().filter((t) => savedTenantKey(t) !== key);
    await this.store.update(STORE_KEY, [...others, tenant]);
  }

  async remove(key: string): Promise<boolean> {
    const all = this.list();
    const rest = all.filter((t) => savedTenantKey(t) !== key);
    if (rest.length === all.length) return false;
    await this.store.update(STORE_KEY, rest);
    return true;
  }
}
