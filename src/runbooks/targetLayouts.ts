// Fixes and runbooks as layouts: each says where the tenant's items should be, and the layout loop
// (preview, gates, journal, undo) plans and applies it like a file an admin wrote. Pure functions of
// the tenant as read.
import type { ConnectorGroupWithContents } from '../graph/types';
import type { Layout, LayoutGroup } from '../layout/layoutFile';
import { tenantLayout } from '../layout/tenantLayout';

type Tenant = { id: string; displayName?: string };
type ItemKind = 'connectors' | 'applications';

function groupIn(layout: Layout, id: string): LayoutGroup {
  const group = layout.connectorGroups.find((g) => g.id?.toLowerCase() === id.toLowerCase());
  if (!group) throw new Error(`No group ${id} in the tenant as read.`);
  return group;
}

/** The tenant as it is, with these items listed under `targetId` instead of where they are. */
export function withItemsMoved(groups: ConnectorGroupWithContents[], tenant: Tenant, kind: ItemKind, ids: string[], targetId: string): Layout {
  const layout = tenantLayout(groups, tenant);
  const moving = new Set(ids.map((id) => id.toLowerCase()));
  const target = groupIn(layout, targetId);
  const moved = layout.connectorGroups.flatMap((g) => (g[kind] ?? []).filter((item) => moving.has(item.id.toLowerCase())));
  for (const group of layout.connectorGroups) group[kind] = (group[kind] ?? []).filter((item) => !moving.has(item.id.toLowerCase()));
  target[kind] = [...(target[kind] ?? []), ...moved];
  return layout;
}

/** Items moved back to the groups they came from: each connector id → its group id. */
export function withItemsReturned(groups: ConnectorGroupWithContents[], tenant: Tenant, kind: ItemKind, homes: Map<string, string>): Layout {
  const layout = tenantLayout(groups, tenant);
  const byHome = new Map<string, string[]>();
  for (const [id, home] of homes) byHome.set(home, [...(byHome.get(home) ?? []), id.toLowerCase()]);
  const all = new Set([...homes.keys()].map((id) => id.toLowerCase()));
  const items = layout.connectorGroups.flatMap((g) => (g[kind] ?? []).filter((item) => all.has(item.id.toLowerCase())));
  for (const group of layout.connectorGroups) group[kind] = (group[kind] ?? []).filter((item) => !all.has(item.id.toLowerCase()));
  for (const [home, ids] of byHome) {
    const target = groupIn(layout, home);
    target[kind] = [...(target[kind] ?? []), ...items.filter((item) => ids.includes(item.id.toLowerCase()))];
  }
  return layout;
}

/** The tenant without one group, under prune: the only step is its delete (it must be empty). */
export function withoutGroup(groups: ConnectorGroupWithContents[], tenant: Tenant, groupId: string): Layout {
  const layout = tenantLayout(groups, tenant);
  return { ...layout, prune: true, connectorGroups: layout.connectorGroups.filter((g) => g.id?.toLowerCase() !== groupId.toLowerCase()) };
}
