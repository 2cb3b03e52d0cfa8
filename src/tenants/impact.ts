// What a change does to the applications' reachability, worked out from the loaded groups before
// anything is sent: an application is served only by the active connectors of its own group.
import type { Application, ConnectorGroupWithContents } from '../graph/types';
import { l10n } from '../shared/l10n';
import { nameList } from '../shared/nameList';

/** Connectors and/or applications going to a group (ids as Graph has them). */
export interface PlannedChange {
  connectors?: { ids: readonly string[]; to: string };
  applications?: { ids: readonly string[]; to: string };
  /** A group about to be deleted: nothing is left in it afterwards. */
  deleting?: string;
}

/** Applications the change leaves without an active connector, by the group they will be in. */
export interface CutOff {
  group: ConnectorGroupWithContents;
  applications: Application[];
}

const activeIn = (group: ConnectorGroupWithContents) => group.members.filter((c) => c.status === 'active').length;

export function applicationsCutOff(groups: readonly ConnectorGroupWithContents[], change: PlannedChange): CutOff[] {
  const movingConnectors = new Set(change.connectors?.ids ?? []);
  const movingApplications = new Set(change.applications?.ids ?? []);
  const activeAfter = new Map<string, number>();
  for (const group of groups) {
    const staying = group.members.filter((c) => c.status === 'active' && !movingConnectors.has(c.id)).length;
    activeAfter.set(group.id, staying);
  }
  if (change.connectors) {
    const arriving = groups.flatMap((g) => g.members).filter((c) => movingConnectors.has(c.id) && c.status === 'active').length;
    activeAfter.set(change.connectors.to, (activeAfter.get(change.connectors.to) ?? 0) + arriving);
  }
  const byGroup = new Map<string, CutOff>();
  const note = (group: ConnectorGroupWithContents, application: Application) => {
    const entry = byGroup.get(group.id) ?? { group, applications: [] };
    entry.applications.push(application);
    byGroup.set(group.id, entry);
  };
  for (const group of groups) {
    for (const application of group.applications) {
      const destination = movingApplications.has(application.id) ? groups.find((g) => g.id === change.applications!.to) : group;
      if (!destination || destination.id === change.deleting) continue;
      // One that moves is named whenever it lands without an active connector; one that stays only
      // when its group loses the last one (if it had none before, the change does not make it worse).
      const moves = destination !== group;
      if ((moves || activeIn(group) > 0) && (activeAfter.get(destination.id) ?? 0) === 0) note(destination, application);
    }
  }
  return [...byGroup.values()];
}

/** "Wiki and SAP Fiori will have no active connector in India Pune." — one sentence a group. */
export function cutOffText(cutOffs: readonly CutOff[]): string {
  return cutOffs.map(({ group, applications }) => cutOffSentence(applications.map((a) => a.displayName), group.name)).join(' ');
}

/** The sentence for one group, from names (a plan's groups may not exist yet). */
export function cutOffSentence(applicationNames: string[], groupName: string): string {
  return l10n.t("{0} will have no active connector in '{1}'.", nameList(applicationNames), groupName);
}

/** The same facts for a group as it is: "Wiki and SAP Fiori have no active connector in 'Asia'." */
export function unreachableText(group: ConnectorGroupWithContents): string | undefined {
  if (group.applications.length === 0 || activeIn(group) > 0) return undefined;
  const names = group.applications.map((a) => a.displayName);
  return names.length === 1
    ? l10n.t("{0} has no active connector in '{1}'.", names[0], group.name)
    : l10n.t("{0} have no active connector in '{1}'.", nameList(names), group.name);
}
