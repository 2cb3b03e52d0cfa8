// Which groups can take what is being moved, and which are the likely choices: the pickers list
// the likely ones first and the refused ones apart, with the reason, so nothing refused is sent.
import type { ConnectorGroupWithContents } from '../graph/types';
import type { TenantContents } from '../tenants/tenantContents';
import { connectorMoveRefusal, regionRuleInBrief } from '../tenants/moveRules';
import { l10n } from '../shared/l10n';
import { regionLabel } from '../shared/regions';
import { activeConnectors, groupHealth } from '../tree/groupHealth';

export interface GroupChoice {
  /** Not offered at all (the group the items are in). */
  exclude?(group: ConnectorGroupWithContents): boolean;
  /** Why this group cannot take the items, in one sentence; undefined when it can. */
  refusal?(group: ConnectorGroupWithContents): string | undefined;
  /** The reason the refused groups share, said once above them; each row then says only `refusedDetail`. */
  refusedHeading?: string;
  refusedDetail?(group: ConnectorGroupWithContents): string;
  /** A weakness of a group that can take the items, said on its row. */
  note?(group: ConnectorGroupWithContents): string | undefined;
  /** Lower first; equal ranks keep the tree's order. */
  rank?(group: ConnectorGroupWithContents): number;
}

/** Connectors from these groups: groups that need connectors first, those the region rule forbids apart. */
export function connectorsChoice(contents: TenantContents, sources: ConnectorGroupWithContents[]): GroupChoice {
  const defaultGroup = contents.defaultGroup();
  return {
    exclude: (g) => sources.length === 1 && sources[0].id === g.id,
    refusal: (g) => sources.map((source) => connectorMoveRefusal(source, g, defaultGroup)).find(Boolean),
    refusedHeading: regionRuleInBrief(defaultGroup),
    refusedDetail: (g) => l10n.t('region-optimised: {0}', regionLabel(g.region)),
    rank: (g) => ({ down: 0, noRedundancy: 1, ok: 2, idle: 3 })[groupHealth(g)],
  };
}

/** Applications: groups with the most active connectors first (those with none last). */
export function applicationsChoice(current?: ConnectorGroupWithContents): GroupChoice {
  return {
    exclude: (g) => g.id === current?.id,
    rank: (g) => -activeConnectors(g),
  };
}

/** Where a group's contents can go before it is deleted. */
export function destinationChoice(contents: TenantContents, group: ConnectorGroupWithContents): GroupChoice {
  const forConnectors = connectorsChoice(contents, [group]);
  return {
    exclude: (g) => g.id === group.id,
    ...(group.members.length > 0 ? { refusal: forConnectors.refusal, refusedHeading: forConnectors.refusedHeading, refusedDetail: forConnectors.refusedDetail } : {}),
    rank: group.applications.length > 0 ? applicationsChoice().rank : forConnectors.rank,
  };
}

/** A choice that also leaves out the group just turned down. */
export function besides(choice: GroupChoice, turnedDownId: string): GroupChoice {
  return { ...choice, exclude: (g) => g.id === turnedDownId || (choice.exclude?.(g) ?? false) };
}
