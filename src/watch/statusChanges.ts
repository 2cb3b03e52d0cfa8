// What a poll of a tenant's connectors means to an admin: which connectors changed status, and what
// that leaves each group's applications with, said in one notice per poll (never one per connector).
// Pure: the watch hands in the statuses it knew and the connectors Graph lists now.
import type { Connector, ConnectorGroupWithContents } from '../graph/types';
import { applicationCount, connectorCount } from '../shared/counts';
import { l10n } from '../shared/l10n';
import { nameList } from '../shared/nameList';

export type Status = string;

export interface StatusChange {
  connector: Connector;
  /** Undefined for a connector that was not there before (installed since). */
  from?: Status;
  /** Undefined for a connector that is gone (the service removes one inactive for 10 days). */
  to?: Status;
}

export interface WatchNotice {
  severity: 'error' | 'warning' | 'information';
  /** One sentence per group the changes touched, the most severe first. */
  lines: string[];
  /** The groups concerned, most severe first: Show reveals the first. */
  groupIds: string[];
  /** A group whose applications are all unreachable now (Evacuate… is offered for it). */
  outage?: string;
}

/** The connectors whose status differs from the last read, and those gone since; one new since is not a change. */
export function statusChanges(before: readonly Connector[], now: readonly Connector[]): StatusChange[] {
  const was = new Map(before.map((c) => [c.id.toLowerCase(), c.status]));
  const seen = new Set(now.map((c) => c.id.toLowerCase()));
  const changed: StatusChange[] = now.flatMap((c) => {
    const from = was.get(c.id.toLowerCase());
    return from !== undefined && from !== c.status ? [{ connector: c, from, to: c.status }] : [];
  });
  const gone = before.filter((c) => !seen.has(c.id.toLowerCase())).map((c) => ({ connector: c, from: c.status }));
  return [...changed, ...gone];
}

const isActive = (status: Status | undefined) => status === 'active';
const RANK = { error: 0, warning: 1, information: 2 } as const;

/**
 * The notice for a poll's changes: each touched group (its members and applications as the tree read
 * them) judged on the statuses the poll read, and the applications that leaves at risk.
 */
export function watchNotice(changes: readonly StatusChange[], groups: readonly ConnectorGroupWithContents[], listedNow?: readonly Connector[]): WatchNotice | undefined {
  if (changes.length === 0) return undefined;
  // Every connector as this poll read it: the tree's statuses may be older than the poll (its reread
  // after the last change still running, or failed), and a group is judged as it is now.
  const statusNow = new Map<string, Status | undefined>((listedNow ?? []).map((c) => [c.id.toLowerCase(), c.status]));
  for (const c of changes) statusNow.set(c.connector.id.toLowerCase(), c.to);
  const groupOf = (id: string) => groups.find((g) => g.members.some((m) => m.id.toLowerCase() === id.toLowerCase()));
  const byGroup = new Map<ConnectorGroupWithContents | undefined, StatusChange[]>();
  for (const change of changes) {
    const group = groupOf(change.connector.id);
    byGroup.set(group, [...(byGroup.get(group) ?? []), change]);
  }
  const said = [...byGroup].map(([group, list]) => judge(group, list, statusNow));
  said.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const severity = said[0].severity;
  const outage = said.find((s) => s.outage)?.groupId;
  return {
    severity,
    lines: said.map((s) => s.line),
    groupIds: said.flatMap((s) => (s.groupId ? [s.groupId] : [])),
    ...(outage ? { outage } : {}),
  };
}

function whatHappened(list: readonly StatusChange[]): string {
  const said = (pick: (c: StatusChange) => boolean, one: string, several: string) => {
    const names = list.filter(pick).map((c) => c.connector.machineName || c.connector.id);
    return names.length === 0 ? [] : [`${nameList(names)} ${names.length === 1 ? one : several}`];
  };
  return [
    ...said((c) => isActive(c.from) && c.to !== undefined && !isActive(c.to), l10n.t('went inactive'), l10n.t('went inactive')),
    ...said((c) => !isActive(c.from) && isActive(c.to), l10n.t('is active again'), l10n.t('are active again')),
    ...said((c) => c.to === undefined, l10n.t('was removed by the service'), l10n.t('were removed by the service')),
  ].join('; ');
}

interface Judged { severity: WatchNotice['severity']; line: string; groupId?: string; outage?: boolean }

function judge(group: ConnectorGroupWithContents | undefined, list: readonly StatusChange[], statusNow: ReadonlyMap<string, Status | undefined>): Judged {
  const what = whatHappened(list);
  if (!group) return { severity: 'information', line: l10n.t('{0}.', what) };
  const active = group.members.filter((m) => isActive(statusNow.has(m.id.toLowerCase()) ? statusNow.get(m.id.toLowerCase()) : m.status)).length;
  const apps = group.applications.map((a) => a.displayName || a.id);
  const base = { groupId: group.id };
  // Connectors coming back make nothing worse: said as information, whatever is left to recover.
  const worse = list.some((c) => isActive(c.from) && !isActive(c.to));
  if (!worse) return { ...base, severity: 'information', line: l10n.t("{0}: '{1}' has {2} active.", what, group.name, connectorCount(active)) };
  if (apps.length > 0 && active === 0) {
    return { ...base, outage: true, severity: 'error', line: l10n.t("{0}: '{1}' has no active connector: {2} unreachable ({3}).", what, group.name, applicationCount(apps.length), nameList(apps)) };
  }
  if (apps.length > 0 && active === 1) {
    return { ...base, severity: 'warning', line: l10n.t("{0}: '{1}' has one active connector left ({2}).", what, group.name, nameList(apps)) };
  }
  return { ...base, severity: 'information', line: l10n.t("{0}: '{1}' has {2} active.", what, group.name, connectorCount(active)) };
}
