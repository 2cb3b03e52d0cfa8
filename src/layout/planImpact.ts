// What a plan leaves the applications with: those that end in a group without an active connector
// (and were served before, or moved there), and those without one for a while between two steps,
// are named before anything is sent.
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroupWithContents } from '../graph/types';
import { isRegion } from '../shared/regions';
import { l10n } from '../shared/l10n';
import { nameList } from '../shared/nameList';
import { cutOffSentence } from '../tenants/impact';
import { groupBy } from '../shared/groupBy';
import type { GroupKey, PlanStep } from './planner';

/** The tenant as a plan starts from it: where each item is, which connectors are active, the names. */
function startOf(groups: ConnectorGroupWithContents[]) {
  const proxyGroups = groups.filter(isApplicationProxyGroup);
  return {
    home: proxyGroups.find((g) => g.isDefault)?.id,
    names: new Map<GroupKey, string>(proxyGroups.map((g) => [g.id, g.name])),
    active: new Set(proxyGroups.flatMap((g) => g.members.filter((c) => c.status === 'active').map((c) => c.id.toLowerCase()))),
    connectorAt: new Map(proxyGroups.flatMap((g) => g.members.map((c) => [c.id.toLowerCase(), g.id] as const))),
    applicationAt: new Map(proxyGroups.flatMap((g) => g.applications.map((a) => [a.id.toLowerCase(), g.id] as const))),
    applicationNames: new Map(proxyGroups.flatMap((g) => g.applications.map((a) => [a.id.toLowerCase(), a.displayName] as const))),
  };
}

export function planWarnings(groups: ConnectorGroupWithContents[], steps: PlanStep[]): string[] {
  const { home, names, active, connectorAt, applicationAt: before, applicationNames } = startOf(groups);
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

/**
 * Applications without an active connector between two steps though served before and after:
 * down once step `from` is done, served again once step `to` is done (steps counted from 1).
 */
export interface StepOutage {
  from: number;
  to: number;
  group: string;
  applications: string[];
}

/** Every outage between steps the plan's order could not avoid; one that lasts to the end is planWarnings'. */
export function stepOutages(groups: ConnectorGroupWithContents[], steps: PlanStep[]): StepOutage[] {
  const { home, names, active, connectorAt, applicationAt, applicationNames } = startOf(groups);
  const start = new Map(applicationAt);
  const count = new Map<GroupKey, number>();
  for (const [id, key] of connectorAt) if (active.has(id)) count.set(key, (count.get(key) ?? 0) + 1);
  const servedAtStart = new Set(count.keys());
  const applicationsIn = new Map<GroupKey, Set<string>>();
  for (const [id, key] of applicationAt) applicationsIn.set(key, (applicationsIn.get(key) ?? new Set()).add(id));
  // Down, as planWarnings counts it: in a group with no active connector, unless it was so from the start.
  const down = (id: string) => {
    const at = applicationAt.get(id)!;
    return (count.get(at) ?? 0) === 0 && (servedAtStart.has(start.get(id)!) || at !== start.get(id));
  };
  const downSince = new Map<string, { step: number; group: GroupKey }>();
  const outages = new Map<string, StepOutage>();
  const moveApplication = (id: string, to: GroupKey) => {
    applicationsIn.get(applicationAt.get(id)!)?.delete(id);
    applicationAt.set(id, to);
    applicationsIn.set(to, (applicationsIn.get(to) ?? new Set()).add(id));
  };
  steps.forEach((step, index) => {
    const touched = new Set<GroupKey>();
    const moved: string[] = [];
    if (step.kind === 'create' || step.kind === 'rename') names.set(step.group, step.kind === 'create' ? step.name : step.to);
    if (step.kind === 'moveConnectors') {
      for (const c of step.connectors) {
        const from = connectorAt.get(c.id)!;
        connectorAt.set(c.id, step.to);
        if (!active.has(c.id)) continue;
        count.set(from, (count.get(from) ?? 0) - 1);
        count.set(step.to, (count.get(step.to) ?? 0) + 1);
        touched.add(from).add(step.to);
      }
    }
    const to = step.kind === 'assignApplications' ? step.to : step.kind === 'unassignApplications' ? home : undefined;
    if (to !== undefined && (step.kind === 'assignApplications' || step.kind === 'unassignApplications')) {
      for (const a of step.applications) { moveApplication(a.id, to); moved.push(a.id); }
    }
    const affected = new Set([...moved, ...[...touched].flatMap((key) => [...applicationsIn.get(key) ?? []])]);
    for (const id of affected) {
      const since = downSince.get(id);
      if (down(id)) {
        if (!since) downSince.set(id, { step: index + 1, group: applicationAt.get(id)! });
        continue;
      }
      if (!since) continue;
      downSince.delete(id);
      const key = `${since.step}/${index + 1}/${since.group}`;
      const outage = outages.get(key) ?? { from: since.step, to: index + 1, group: names.get(since.group) ?? since.group, applications: [] };
      outage.applications.push(applicationNames.get(id) ?? id);
      outages.set(key, outage);
    }
  });
  return [...outages.values()];
}

export function stepOutageText(outage: StepOutage): string {
  return outage.applications.length === 1
    ? l10n.t("Between steps {0} and {1}, {2} has no active connector in '{3}'.", outage.from, outage.to, outage.applications[0], outage.group)
    : l10n.t("Between steps {0} and {1}, {2} have no active connector in '{3}'.", outage.from, outage.to, nameList(outage.applications), outage.group);
}

/** Everything to say about a plan before it is sent: outages at the end and between steps, and what Undo cannot take back. */
export function planNotes(groups: ConnectorGroupWithContents[], steps: PlanStep[]): string[] {
  return [...planWarnings(groups, steps), ...stepOutages(groups, steps).map(stepOutageText), ...irreversibleSteps(steps)];
}
