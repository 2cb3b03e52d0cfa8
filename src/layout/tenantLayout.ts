// A tenant as a layout: what Export Layout writes, and the tenant's side of a diff. Ordered like a
// given file when there is one, so the diff shows what differs and not how the two are sorted.
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroupWithContents } from '../graph/types';
import type { Layout, LayoutGroup, LayoutItem } from './layoutFile';

/** Items in the order of `rank` (what the file lists, by position), the others after them as they came. */
function orderLike<T>(items: T[], keyOf: (item: T) => string, rank: Map<string, number>): T[] {
  if (rank.size === 0) return items;
  return items
    .map((item, i) => ({ item, rank: rank.get(keyOf(item)) ?? rank.size + i }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ item }) => item);
}

const ranks = (keys: string[]) => new Map(keys.map((key, i) => [key, i]));

export function tenantLayout(
  groups: ConnectorGroupWithContents[],
  tenant: { id: string; displayName?: string },
  like?: Layout,
): Layout {
  const entries = like?.connectorGroups ?? [];
  const proxyGroups = groups.filter(isApplicationProxyGroup);
  // A file entry without an id stands for the group of that name.
  const keyOf = (g: ConnectorGroupWithContents) => g.id.toLowerCase();
  const byName = new Map(proxyGroups.map((g) => [g.name.toLowerCase(), g.id.toLowerCase()]));
  const entryKey = (e: LayoutGroup) => e.id ?? byName.get(e.name.toLowerCase()) ?? '';
  const ordered = like ? orderLike(proxyGroups, keyOf, ranks(entries.map(entryKey))) : proxyGroups;
  // Built once: a file of thousands of groups lists a hundred thousand items.
  const itemOrder = (kind: 'connectors' | 'applications') => ranks(entries.flatMap((e) => (e[kind] ?? []).map((i) => i.id)));
  const connectorOrder = itemOrder('connectors');
  const applicationOrder = itemOrder('applications');
  // A fail-over declaration is the file's, not the tenant's: kept, so the diff never shows it as a change.
  const failoverOf = new Map(entries.flatMap((e) => (e.failover ? [[entryKey(e).toLowerCase(), e.failover] as const] : [])));
  return {
    tenant: { id: tenant.id, ...(tenant.displayName ? { displayName: tenant.displayName } : {}) },
    prune: like?.prune ?? false,
    connectorGroups: ordered.map((g) => ({
      id: g.id,
      name: g.name,
      ...(g.region ? { region: g.region } : {}),
      ...(g.isDefault ? { isDefault: true } : {}),
      connectors: orderLike(g.members.map((c): LayoutItem => ({ id: c.id, label: c.machineName })), (i) => i.id, connectorOrder),
      applications: orderLike(g.applications.map((a): LayoutItem => ({ id: a.id, label: a.displayName })), (i) => i.id, applicationOrder),
      ...(failoverOf.has(keyOf(g)) ? { failover: { ...failoverOf.get(keyOf(g))! } } : {}),
    })),
  };
}

/** One group as compared between two reads: its fields and the ids it holds, in a stable order. */
function groupState(g: ConnectorGroupWithContents): string {
  const ids = (items: { id: string }[]) => items.map((i) => i.id.toLowerCase()).sort();
  return JSON.stringify([g.name, g.region, g.isDefault, ids(g.members), ids(g.applications)]);
}

/** The names of the App Proxy groups that differ between two reads of a tenant (added, removed or changed). */
export function changedGroups(before: ConnectorGroupWithContents[], after: ConnectorGroupWithContents[]): string[] {
  const states = (groups: ConnectorGroupWithContents[]) => new Map(groups.filter(isApplicationProxyGroup).map((g) => [g.id.toLowerCase(), g]));
  const was = states(before);
  const now = states(after);
  const names: string[] = [];
  for (const [id, g] of now) if (!was.has(id) || groupState(was.get(id)!) !== groupState(g)) names.push(g.name);
  for (const [id, g] of was) if (!now.has(id)) names.push(g.name);
  return names;
}
