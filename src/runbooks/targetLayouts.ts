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
  return withItemsPlaced(groups, tenant, kind, new Map(ids.map((id) => [id, targetId])));
}

/** The tenant as it is, with each of these items listed under its own group: item id → group id. */
export function withItemsPlaced(groups: ConnectorGroupWithContents[], tenant: Tenant, kind: ItemKind, places: Map<string, string>): Layout {
  const layout = tenantLayout(groups, tenant);
  const placeOf = new Map([...places].map(([id, groupId]) => [id.toLowerCase(), groupId]));
  const moving = layout.connectorGroups.flatMap((g) => (g[kind] ?? []).filter((item) => placeOf.has(item.id.toLowerCase())));
  for (const group of layout.connectorGroups) group[kind] = (group[kind] ?? []).filter((item) => !placeOf.has(item.id.toLowerCase()));
  for (const item of moving) {
    const target = groupIn(layout, placeOf.get(item.id.toLowerCase())!);
    target[kind] = [...(target[kind] ?? []), item];
  }
  return layout;
}

/** The tenant without one group, under prune: the only step is its delete (it must be empty). */
export function withoutGroup(groups: ConnectorGroupWithContents[], tenant: Tenant, groupId: string): Layout {
  const layout = tenantLayout(groups, tenant);
  return { ...layout, prune: true, connectorGroups: layout.connectorGroups.filter((g) => g.id?.toLowerCase() !== groupId.toLowerCase()) };
}
