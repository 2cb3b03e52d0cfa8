// Fail-over pairs as layout files declare them ("failover": { "to": "<group id>" } on a group), and
// the applications Fail Back brings home. Pure functions of the files and the tenant as read.
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroupWithContents } from '../graph/types';
import type { Layout } from '../layout/layoutFile';
import type { MovedItem } from './movedItems';

export interface FailoverPair {
  sourceId: string;
  targetId: string;
  /** The file that declares it, for messages. */
  file: string;
  /** The applications the file lists under the source group, if it lists them. */
  listed?: string[];
}

/**
 * The pairs a layout declares for this tenant, its groups matched as Preview Plan matches them: by
 * id, or by a name (in any case) exactly one App Proxy group has. A pair whose source is not in the
 * tenant, or that names its own group, is left out.
 */
export function declaredPairs(layout: Layout, file: string, tenantId: string, groups: readonly ConnectorGroupWithContents[]): FailoverPair[] {
  if (layout.tenant.id.toLowerCase() !== tenantId.toLowerCase()) return [];
  const proxyGroups = groups.filter(isApplicationProxyGroup);
  return layout.connectorGroups.flatMap((entry) => {
    if (!entry.failover) return [];
    const named = proxyGroups.filter((g) => g.name.toLowerCase() === entry.name.toLowerCase());
    const source = entry.id ? proxyGroups.find((g) => g.id.toLowerCase() === entry.id) : named.length === 1 ? named[0] : undefined;
    if (!source || source.id.toLowerCase() === entry.failover.to) return [];
    const listed = entry.applications?.map((a) => a.id);
    return [{ sourceId: source.id, targetId: entry.failover.to, file, ...(listed ? { listed } : {}) }];
  });
}

/**
 * The applications coming back to `home`: those recorded as failed over from it that are still in
 * the group they were moved to, and those a declaring file lists under it that sit in one of its
 * fail-over groups now. One moved on since (by hand, or by another runbook) stays where it is.
 */
export function failBackItems(
  home: ConnectorGroupWithContents,
  groups: readonly ConnectorGroupWithContents[],
  recorded: readonly MovedItem[],
  pairs: readonly FailoverPair[],
): string[] {
  const groupOf = new Map(groups.flatMap((g) => g.applications.map((a) => [a.id.toLowerCase(), g.id.toLowerCase()] as const)));
  const homeId = home.id.toLowerCase();
  const ids = recorded
    .filter((r) => r.homeId.toLowerCase() === homeId && groupOf.get(r.itemId.toLowerCase()) === r.movedTo.toLowerCase())
    .map((r) => r.itemId.toLowerCase());
  for (const pair of pairs.filter((p) => p.sourceId.toLowerCase() === homeId)) {
    for (const id of pair.listed ?? []) if (groupOf.get(id) === pair.targetId) ids.push(id);
  }
  return [...new Set(ids)];
}
