// Where drained connectors came from, per tenant, so Restore Drained Connectors can put them back
// after any number of reloads. Ids only, no secret; kept in globalState.
import { isGuid } from '../shared/validation';
import type { KeyValueStore } from '../tenants/savedTenants';

export interface Drained {
  connectorId: string;
  /** The group it was drained from, and goes back to. */
  homeId: string;
  /** The idle group it was drained to. */
  drainedTo: string;
}

const STORE_KEY = 'connectorGroups.drained';

function isDrained(value: unknown): value is Drained {
  const v = value as Partial<Drained> | null;
  return typeof v === 'object' && v !== null && isGuid(v.connectorId) && isGuid(v.homeId) && isGuid(v.drainedTo);
}

export class DrainRecords {
  constructor(private readonly store: KeyValueStore) {}

  private all(): Record<string, Drained[]> {
    const raw = this.store.get<unknown>(STORE_KEY);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw).map(([key, list]) => [key, Array.isArray(list) ? list.filter(isDrained) : []]));
  }

  of(tenantKey: string): Drained[] {
    return this.all()[tenantKey] ?? [];
  }

  /** Records drains; a connector drained again keeps the home it had first (its real one). */
  async add(tenantKey: string, drained: Drained[]): Promise<void> {
    const known = new Map(this.of(tenantKey).map((d) => [d.connectorId, d]));
    for (const d of drained) known.set(d.connectorId, { ...d, homeId: known.get(d.connectorId)?.homeId ?? d.homeId });
    await this.set(tenantKey, [...known.values()]);
  }

  async set(tenantKey: string, drained: Drained[]): Promise<void> {
    const all = this.all();
    if (drained.length === 0) delete all[tenantKey];
    else all[tenantKey] = drained;
    await this.store.update(STORE_KEY, all);
  }
}
