// Items a runbook moved away and will bring back (drained connectors, failed-over applications), per
// tenant, so the way back works after any number of reloads. Ids only, no secret; kept in globalState.
import { isGuid } from '../shared/validation';
import type { KeyValueStore } from '../tenants/savedTenants';

export interface MovedItem {
  itemId: string;
  /** The group it was moved from, and goes back to. */
  homeId: string;
  /** The group it was moved to. */
  movedTo: string;
}

/** A record as the first release of drains wrote it. */
interface LegacyDrained { connectorId: string; homeId: string; drainedTo: string }

function movedItem(value: unknown): MovedItem | undefined {
  const v = value as Partial<MovedItem & LegacyDrained> | null;
  if (typeof v !== 'object' || v === null) return undefined;
  const item = { itemId: v.itemId ?? v.connectorId, homeId: v.homeId, movedTo: v.movedTo ?? v.drainedTo };
  return isGuid(item.itemId) && isGuid(item.homeId) && isGuid(item.movedTo) ? item as MovedItem : undefined;
}

export const DRAINED_CONNECTORS = 'connectorGroups.drained';
export const FAILED_OVER_APPLICATIONS = 'connectorGroups.failedOver';

export class MovedItems {
  constructor(private readonly store: KeyValueStore, private readonly key: string) {}

  private all(): Record<string, MovedItem[]> {
    const raw = this.store.get<unknown>(this.key);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw).map(([tenant, list]) =>
      [tenant, Array.isArray(list) ? list.map(movedItem).filter((d): d is MovedItem => d !== undefined) : []]));
  }

  of(tenantKey: string): MovedItem[] {
    return this.all()[tenantKey] ?? [];
  }

  /** Records moves; an item moved again keeps the home it had first (its real one). */
  async add(tenantKey: string, moved: MovedItem[]): Promise<void> {
    const known = new Map(this.of(tenantKey).map((d) => [d.itemId, d]));
    for (const d of moved) known.set(d.itemId, { ...d, homeId: known.get(d.itemId)?.homeId ?? d.homeId });
    await this.set(tenantKey, [...known.values()]);
  }

  /** Records moves that replace any earlier record of the same items (a new fail over starts afresh). */
  async put(tenantKey: string, moved: MovedItem[]): Promise<void> {
    const ids = new Set(moved.map((d) => d.itemId.toLowerCase()));
    await this.set(tenantKey, [...this.of(tenantKey).filter((d) => !ids.has(d.itemId.toLowerCase())), ...moved]);
  }

  async set(tenantKey: string, moved: MovedItem[]): Promise<void> {
    const all = this.all();
    if (moved.length === 0) delete all[tenantKey];
    else all[tenantKey] = moved;
    await this.store.update(this.key, all);
  }
}
