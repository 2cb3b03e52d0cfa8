// Where the watch keeps each tenant's status history: the extension's global state, one entry for
// all tenants (bounded per tenant by recordPoll).
import type { Connector } from '../graph/types';
import type { KeyValueStore } from '../tenants/savedTenants';
import { recordCounts, type GroupCount } from './groupTimeline';
import { recordPoll, type ConnectorStatusRecord, type TenantStatusHistory } from './statusHistory';

const STORE_KEY = 'connectorGroups.watch.history';

export class WatchHistory {
  constructor(private readonly store: KeyValueStore) {}

  private all(): Record<string, TenantStatusHistory> {
    const raw = this.store.get<unknown>(STORE_KEY);
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw as Record<string, TenantStatusHistory> : {};
  }

  of(tenantKey: string): TenantStatusHistory | undefined {
    const history = this.all()[tenantKey];
    return history && typeof history.connectors === 'object' && Array.isArray(history.events) ? history : undefined;
  }

  record(tenantKey: string, connector: string): ConnectorStatusRecord | undefined {
    return this.of(tenantKey)?.connectors[connector.toLowerCase()];
  }

  async poll(tenantKey: string, now: readonly Connector[], counts: readonly GroupCount[] = [], at = new Date()): Promise<void> {
    const before = this.of(tenantKey);
    const after = { ...recordPoll(before, now, at), groups: recordCounts(before?.groups, counts, at) };
    // A poll that changed nothing writes nothing: the store is rewritten whole on each write.
    if (before && JSON.stringify(before) === JSON.stringify(after)) return;
    await this.store.update(STORE_KEY, { ...this.all(), [tenantKey]: after });
  }

  async forget(tenantKey: string): Promise<void> {
    const all = this.all();
    delete all[tenantKey];
    await this.store.update(STORE_KEY, all);
  }
}
