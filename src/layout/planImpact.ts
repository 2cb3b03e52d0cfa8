// What a plan leaves the applications with: those that end in a group without an active connector
// (and were served before, or moved there) are named before anything is sent.
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroupWithContents } from '../graph/types';
import { isRegion } from '../shared/regions';
import { l10n } from '../shared/l10n';
import { cutOffSentence } from '../tenants/impact';
import { groupBy, type GroupKey, type PlanStep } from './planner';

export function planWarnings(groups: ConnectorGroupWithContents[], steps: PlanStep[]): string[] {
  const proxyGroups = groups.filter(isApplicationProxyGroup);
  const home = proxyGroups.find((g) => g.isDefault)?.id;
  const names = new Map<GroupKey, string>(proxyGroups.map((g) => [g.id, g.name]));
  const active = new Set(proxyGroups.flatMap((g) => g.members.filter((c) => c.status === 'active').map((c) => c.id.toLowerCase())));
  const connectorAt = new Map(proxyGroups.flatMap((g) => g.members.map((c) => [c.id.toLowerCase(), g.id] as const)));
  const before = new Map(proxyGroups.flatMap((g) => g.applications.map((a) => [a.id.toLowerCase(), g.id] as const)));
  const applicationNames = new Map(proxyGroups.flatMap((g) => g.applications.map((a) => [a.id.toLowerCase(), a.displayName] as const)));
  const activeCounts = (at: Map<string, GroupKey>) => {
    const counts = new Map<GroupKey, number>();
    for (const [id, key] of at) if (active.has(id)) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const activeBefore = activeCounts(connectorAt);
  const after = new Map(before);
  for (const step of steps) {
    if (step.kind === 'create' || step.kind === 'rename') names.set(step.group, step.kind === 'create' ? step.name : step.to);
    if (step.kind === 'moveConnectors') for (const c of step.connectors) connectorAt.set(c.id, step.to);
    if (step.kind === 'assignApplications') for (const a of step.applications) after.set(a.id, step.to);
    if (step.kind === 'unassignApplications' && home) for (const a of step.applications) after.set(a.id, home);
  }
  const activeAfter = activeCounts(connectorAt);
  const cut: [GroupKey, string][] = [];
  for (const [id, key] of after) {
    const from = before.get(id)!;
    if ((activeAfter.get(key) ?? 0) > 0) continue;
    // One that stays where it had no active connector is not made worse by the plan.
    if (key === from && (activeBefore.get(from) ?? 0) === 0) continue;
    cut.push([key, applicationNames.get(id) ?? id]);
  }
  return [...groupBy(cut, ([key]) => key)].map(([key, entries]) => cutOffSentence(entries.map(([, name]) => name), names.get(key) ?? key));
}

/**
 * Region changes Undo cannot take back: Graph takes only the regions of its enum, so a group whose
 * region is outside it (`japan`, or none) cannot be given that region again.
 */
export function irreversibleSteps(steps: PlanStep[]): string[] {
  return steps.flatMap((step) => (step.kind === 'setRegion' && !isRegion(step.from)
    ? [l10n.t("'{0}' is in the region '{1}', which Graph does not take: Undo cannot set it back, and leaves the group in '{2}'.", step.name, step.from || l10n.t('none'), step.to)]
    : []));
}
