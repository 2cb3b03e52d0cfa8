// What a plan leaves the applications with: those that end in a group without an active connector
// (and were served before, or moved there) are named before anything is sent.
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroupWithContents } from '../graph/types';
import { l10n } from '../shared/l10n';
import { nameList } from '../shared/nameList';
import type { GroupKey, PlanStep } from './planner';

export function planWarnings(groups: ConnectorGroupWithContents[], steps: PlanStep[]): string[] {
  const proxyGroups = groups.filter(isApplicationProxyGroup);
  const home = proxyGroups.find((g) => g.isDefault)?.id;
  const names = new Map<GroupKey, string>(proxyGroups.map((g) => [g.id, g.name]));
  const active = new Set(proxyGroups.flatMap((g) => g.members.filter((c) => c.status === 'active').map((c) => c.id.toLowerCase())));
  const connectorAt = new Map(proxyGroups.flatMap((g) => g.members.map((c) => [c.id.toLowerCase(), g.id] as const)));
  const before = new Map(proxyGroups.flatMap((g) => g.applications.map((a) => [a.id.toLowerCase(), g.id] as const)));
  const applicationNames = new Map(proxyGroups.flatMap((g) => g.applications.map((a) => [a.id.toLowerCase(), a.displayName] as const)));
  const activeIn = (at: Map<string, GroupKey>, key: GroupKey) => [...at].filter(([id, k]) => k === key && active.has(id)).length;
  const activeBefore = new Map([...names.keys()].map((k) => [k, activeIn(connectorAt, k)]));
  const after = new Map(before);
  for (const step of steps) {
    if (step.kind === 'create' || step.kind === 'rename') names.set(step.group, step.kind === 'create' ? step.name : step.to);
    if (step.kind === 'moveConnectors') for (const c of step.connectors) connectorAt.set(c.id, step.to);
    if (step.kind === 'assignApplications') for (const a of step.applications) after.set(a.id, step.to);
    if (step.kind === 'unassignApplications' && home) for (const a of step.applications) after.set(a.id, home);
  }
  const cut = new Map<GroupKey, string[]>();
  for (const [id, key] of after) {
    const from = before.get(id)!;
    if (activeIn(connectorAt, key) > 0) continue;
    // One that stays where it had no active connector is not made worse by the plan.
    if (key === from && (activeBefore.get(from) ?? 0) === 0) continue;
    cut.set(key, [...(cut.get(key) ?? []), applicationNames.get(id) ?? id]);
  }
  return [...cut].map(([key, applications]) =>
    l10n.t("{0} will have no active connector in '{1}'.", nameList(applications), names.get(key) ?? key));
}
