// Fail-over pairs as layout files declare them ("failover": { "to": "<group id>" } on a group), and
// the applications Fail Back brings home. Pure functions of the files and the tenant as read.
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
 * id, or by a name exactly one group has. A pair whose source is not in the tenant is left out.
 */
export function declaredPairs(layout: Layout, file: string, tenantId: string, groups: readonly ConnectorGroupWithContents[]): FailoverPair[] {
  if (layout.tenant.id.toLowerCase() !== tenantId.toLowerCase()) return [];
  return layout.connectorGroups.flatMap((entry) => {
    if (!entry.failover) return [];
    const named = groups.filter((g) => g.name === entry.name);
    const source = entry.id ? groups.find((g) => g.id.toLowerCase() === entry.id) : named.length === 1 ? named[0] : undefined;
    if (!source) return [];
    const listed = entry.applications?.map((a) => a.id);
    return [{ sourceId: source.id, targetId: entry.failover.to, file, ...(listed ? { listed } : {}) }];
  });
}

/**
 * Where each application coming back to `home` is now: those recorded as failed over from it, and
 * those a declaring file lists under it, that sit in one of its fail-over groups now. An application
 * already home, or gone, needs nothing.
 */
export function failBackItems(
  home: ConnectorGroupWithContents,
  groups: readonly ConnectorGroupWithContents[],
  recorded: readonly MovedItem[],
  pairs: readonly FailoverPair[],
): string[] {
  const groupOf = new Map(groups.flatMap((g) => g.applications.map((a) => [a.id.toLowerCase(), g.id] as const)));
  const away = (id: string) => groupOf.has(id.toLowerCase()) && groupOf.get(id.toLowerCase()) !== home.id;
  const ids = recorded.filter((r) => r.homeId === home.id && away(r.itemId)).map((r) => r.itemId.toLowerCase());
  for (const pair of pairs.filter((p) => p.sourceId === home.id)) {
    for (const id of pair.listed ?? []) if (groupOf.get(id)?.toLowerCase() === pair.targetId) ids.push(id);
  }
  return [...new Set(ids)];
}
