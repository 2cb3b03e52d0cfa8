// Small tenants written by hand for the planner's table, and a step written as one short line.
import type { ConnectorGroupWithContents } from '../../../src/graph/types';
import type { Layout, LayoutGroup } from '../../../src/layout/layoutFile';
import type { PlanStep } from '../../../src/layout/planner';
import { tenantLayout } from '../../../src/layout/tenantLayout';

/** A GUID made from a short name, so the table reads by names. */
export function guid(name: string): string {
  const hex = [...name].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('').slice(0, 12).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

interface GroupSpec {
  name: string;
  region: string;
  isDefault?: boolean;
  syncFabric?: boolean;
  connectors?: string[];
  applications?: string[];
}

export function tenantOf(specs: GroupSpec[]): ConnectorGroupWithContents[] {
  return specs.map((s) => ({
    id: guid(s.name),
    name: s.name,
    region: s.region,
    isDefault: s.isDefault ?? false,
    connectorGroupType: s.syncFabric ? 'syncFabric' : 'applicationProxy',
    members: (s.connectors ?? []).map((c) => ({ id: guid(c), machineName: c, externalIp: '', status: 'active', version: '1' })),
    applications: (s.applications ?? []).map((a) => ({ id: guid(a), appId: guid(`app-${a}`), displayName: a, onPremisesPublishing: { externalUrl: '', internalUrl: '', externalAuthenticationType: 'passthru', applicationServerTimeout: 'default', isOnPremPublishingEnabled: true } })),
  }));
}

/**
 * The standard tenant: Default (nam) with C1, C2 and A1; EU (eur, region-optimised) with C3 and A2;
 * ASIA (asia) with C4; N2 (nam) with C5 and A3; EMPTY (eur); SYNC, a sync-fabric group.
 */
export function standardTenant(): ConnectorGroupWithContents[] {
  return tenantOf([
    { name: 'Default', region: 'nam', isDefault: true, connectors: ['C1', 'C2'], applications: ['A1'] },
    { name: 'EU', region: 'eur', connectors: ['C3'], applications: ['A2'] },
    { name: 'ASIA', region: 'asia', connectors: ['C4'] },
    { name: 'N2', region: 'nam', connectors: ['C5'], applications: ['A3'] },
    { name: 'EMPTY', region: 'eur' },
    { name: 'SYNC', region: 'nam', syncFabric: true },
  ]);
}

/** The tenant's own layout with `edit` applied to it (groups by name). */
export function edited(groups: ConnectorGroupWithContents[], edit: (byName: Map<string, LayoutGroup>, layout: Layout) => void): Layout {
  const layout = tenantLayout(groups, { id: guid('tenant') });
  edit(new Map(layout.connectorGroups.map((g) => [g.name, g])), layout);
  return layout;
}

/** Moves an item (by its name) out of wherever it is listed and into `to`. */
export function list(layout: Layout, kind: 'connectors' | 'applications', item: string, to: LayoutGroup): void {
  for (const g of layout.connectorGroups) g[kind] = g[kind]?.filter((i) => i.id !== guid(item));
  to[kind] = [...(to[kind] ?? []), { id: guid(item), label: item }];
}

export function brief(step: PlanStep, nameOf: (key: string) => string): string {
  const items = (list: { label: string }[]) => list.map((i) => i.label).join(',');
  switch (step.kind) {
    case 'create': return `create ${step.name}${step.region ? ` ${step.region}` : ''}`;
    case 'rename': return `rename ${step.from} -> ${step.to}`;
    case 'setRegion': return `region ${step.name} ${step.from} -> ${step.to}`;
    case 'moveConnectors': return `move ${items(step.connectors)} -> ${nameOf(step.to)}${step.onTheWayTo ? ` (on the way to ${step.onTheWayTo})` : ''}`;
    case 'assignApplications': return `assign ${items(step.applications)} -> ${nameOf(step.to)}`;
    case 'unassignApplications': return `unassign ${items(step.applications)}`;
    case 'delete': return `delete ${step.name}`;
  }
}
