// Each tenant's connector statuses over time, as the watch saw them: since when a connector is
// inactive (the service removes one after 10 days inactive, so the days left are worth saying) and
// the last changes. Bounded, ids and names only (no secret): it lives in the extension's storage.
import type { Connector } from '../graph/types';
import { l10n } from '../shared/l10n';
import type { GroupTimeline } from './groupTimeline';

export interface ConnectorStatusRecord {
  status: string;
  /** When the watch saw it take this status; absent when it already had it as the watch began. */
  since?: string;
}

export interface StatusEvent {
  at: string;
  connectorId: string;
  machineName: string;
  from?: string;
  /** Absent: the service removed it. */
  to?: string;
}

export interface TenantStatusHistory {
  /** Only connectors that are inactive or whose change the watch saw: an active one seen steady needs nothing. */
  connectors: Record<string, ConnectorStatusRecord>;
  /** The latest changes, oldest first. */
  events: StatusEvent[];
  /** Each App Proxy group's active connectors over time (absent in records of the first release). */
  groups?: GroupTimeline;
}

export const MAX_EVENTS = 500;
export const MAX_RECORDS = 10_000;
/** The service removes a connector inactive this long (Microsoft's docs). */
export const REMOVED_AFTER_DAYS = 10;
const DAY_MS = 86_400_000;

/** The history after a poll that listed `now` at `at`. */
export function recordPoll(history: TenantStatusHistory | undefined, now: readonly Connector[], at: Date): TenantStatusHistory {
  const before = history?.connectors ?? {};
  const first = history === undefined;
  const connectors: Record<string, ConnectorStatusRecord> = {};
  const events = [...history?.events ?? []];
  const when = at.toISOString();
  const seen = new Set<string>();
  for (const c of now) {
    const id = c.id.toLowerCase();
    seen.add(id);
    const known = before[id];
    // Without a record an active connector was active last time (only inactive ones are kept).
    const was = known?.status ?? (first ? undefined : 'active');
    if (was !== undefined && was !== c.status) {
      events.push({ at: when, connectorId: id, machineName: c.machineName, from: was, to: c.status });
      connectors[id] = { status: c.status, since: when };
    } else if (known) {
      connectors[id] = known;
    } else if (c.status !== 'active') {
      connectors[id] = { status: c.status };
    }
  }
  for (const [id, known] of Object.entries(before)) {
    if (!seen.has(id)) events.push({ at: when, connectorId: id, machineName: id, from: known.status });
  }
  const kept = Object.entries(connectors).slice(-MAX_RECORDS);
  return { connectors: Object.fromEntries(kept), events: events.slice(-MAX_EVENTS) };
}

function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return l10n.t('{0} min', minutes);
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? l10n.t('{0} h', hours) : l10n.t('{0} days', Math.floor(hours / 24));
}

const clock = (date: Date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

/** "inactive since 14:05 (2 h) · removed in about 9 days", for an inactive connector whose change the watch saw. */
export function inactiveWords(record: ConnectorStatusRecord | undefined, now: Date): string | undefined {
  // Inactive since before the watch began: the plain status says all that is known.
  if (!record?.since || record.status === 'active') return undefined;
  const since = new Date(record.since);
  const elapsed = now.getTime() - since.getTime();
  const left = REMOVED_AFTER_DAYS * DAY_MS - elapsed;
  const daysLeft = Math.round(left / DAY_MS);
  const when = elapsed < DAY_MS ? clock(since) : since.toISOString().slice(0, 10);
  const removal = left <= 0 ? l10n.t('the service may remove it any time now')
    : left < DAY_MS ? l10n.t('removed by the service in less than a day')
      : daysLeft === 1 ? l10n.t('removed by the service in about 1 day')
        : l10n.t('removed by the service in about {0} days', daysLeft);
  return l10n.t('inactive since {0} ({1}) · {2}', when, duration(elapsed), removal);
}
