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
  /** Browse, never change: every write is refused up front. Asks Directory.Read.All unless `askReadWrite`. */
  readOnly?: boolean;
  /**
   * Ask Directory.ReadWrite.All although the tenant stays read-only: Application Proxy may refuse
   * reads with Directory.Read.All (its pages list only the write permission).
   */
  askReadWrite?: boolean;
  /** What Graph said last time, shown before the tenant is read again. */
  displayName?: string;
  tenantId?: string;
  /**
   * The VS Code account this tenant was signed in with (its id and label, no secret): VS Code keeps
   * one preferred account per extension, so without it a second tenant's sign-in would take the first's place.
   */
  account?: { id: string; label: string };
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
    ...(v.readOnly === true && v.askReadWrite === true ? { askReadWrite: true } : {}),
    ...(text(v.displayName) ? { displayName: text(v.displayName) } : {}),
    ...(typeof v.tenantId === 'string' && isGuid(v.tenantId) ? { tenantId: v.tenantId } : {}),
    ...(account(v.account) ? { account: account(v.account) } : {}),
  };
}

function account(value: unknown): { id: string; label: string } | undefined {
  const a = value as { id?: unknown; label?: unknown } | null | undefined;
  const ok = (x: unknown) => typeof x === 'string' && x.length > 0 && x.length <= 256;
  return typeof a === 'object' && a !== null && ok(a.id) && ok(a.label) ? { id: a.id as string, label: a.label as string } : undefined;
}

export class SavedTenantStore {
  /**
   * Keys removed in this window. VS Code echoes a write back to the window that made it, so just
   * after a removal the store can hand back the value from before it: a removed entry read there
   * would be written back by the next change.
   */
  private readonly removed = new Set<string>();
  /**
   * `removalHeldMs`: how long a removal is held against older values, long past any echo; after it
   * another window may add the tenant again, and this one sees it.
   */
  constructor(private readonly store: KeyValueStore, private readonly removalHeldMs = 10_000) {}

  /**
   * Reads and writes in one step, before any await: globalState takes a new value at once (and
   * writes it to disk later), so two tenants learning their names together never undo each other.
   */
  private async change(next: (all: SavedTenant[]) => SavedTenant[] | undefined): Promise<boolean> {
    const changed = next(this.list());
    if (!changed) return false;
    await this.store.update(STORE_KEY, changed);
    return true;
  }

  list(): SavedTenant[] {
    const raw = this.store.get<unknown>(STORE_KEY);
    const entries = Array.isArray(raw) ? raw.map(parseSavedTenant).filter((t) => t !== undefined) : [];
    const seen = new Set<string>(this.removed);
    return entries.filter((t) => !seen.has(savedTenantKey(t)) && seen.add(savedTenantKey(t)));
  }

  /** Adds the tenant at the end, or replaces the one with the same key in its place. */
  async save(tenant: SavedTenant): Promise<void> {
    const key = savedTenantKey(tenant);
    this.removed.delete(key);
    await this.change((all) => (all.some((t) => savedTenantKey(t) === key)
      ? all.map((t) => (savedTenantKey(t) === key ? tenant : t))
      : [...all, tenant]));
  }

  /** Where the tenant stands among those added (-1: not kept). */
  indexOf(key: string): number {
    return this.list().findIndex((t) => savedTenantKey(t) === key);
  }

  /**
   * What a tenant learned (its id and name, its account) laid over its entry, if it is still kept:
   * a tenant removed meanwhile stays removed, and fields the entry has are not lost.
   */
  async learn(tenant: SavedTenant): Promise<void> {
    const key = savedTenantKey(tenant);
    await this.change((all) => {
      const kept = all.find((t) => savedTenantKey(t) === key);
      if (!kept) return undefined;
      return all.map((t) => (t === kept ? { ...kept, ...tenant } : t));
    });
  }

  async remove(key: string): Promise<boolean> {
    // The change reads the entries before its first await, so the key is marked removed only after.
    const removing = this.change((all) => {
      const rest = all.filter((t) => savedTenantKey(t) !== key);
      return rest.length === all.length ? undefined : rest;
    });
    this.removed.add(key);
    try {
      return await removing;
    } finally {
      const release = setTimeout(() => this.removed.delete(key), this.removalHeldMs);
      (release as { unref?: () => void }).unref?.();
    }
  }
}
