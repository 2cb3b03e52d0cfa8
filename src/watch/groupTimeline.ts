// Each App Proxy group's active connectors over time, as the watch saw them: the counts when the
// record begins, then only what changed at each poll (a tenant of thousands of groups costs one full
// record, not one per poll). Bounded: the oldest changes fold into the starting counts.

export interface GroupTimeline {
  /** When the starting counts were true. */
  from: string;
  start: Record<string, number>;
  /** Oldest first; each names only the groups whose count changed. */
  changes: { at: string; active: Record<string, number> }[];
  /** The groups' names as last seen, for the chart and its table. */
  names: Record<string, string>;
}

export interface GroupCount {
  id: string;
  name: string;
  active: number;
}

export const MAX_TIMELINE_CHANGES = 500;

/** The counts at the end of the record. */
export function latestCounts(timeline: GroupTimeline): Record<string, number> {
  const counts = { ...timeline.start };
  for (const change of timeline.changes) Object.assign(counts, change.active);
  return counts;
}

/** The timeline after a poll that counted `counts` at `at`; unchanged (the same object) when nothing moved. */
export function recordCounts(timeline: GroupTimeline | undefined, counts: readonly GroupCount[], at: Date): GroupTimeline {
  const when = at.toISOString();
  const names = Object.fromEntries(counts.map((c) => [c.id, c.name]));
  if (!timeline) return { from: when, start: Object.fromEntries(counts.map((c) => [c.id, c.active])), changes: [], names };
  const last = latestCounts(timeline);
  const changed = Object.fromEntries(counts.filter((c) => last[c.id] !== c.active).map((c) => [c.id, c.active]));
  const renamed = counts.some((c) => timeline.names[c.id] !== c.name);
  if (Object.keys(changed).length === 0 && !renamed) return timeline;
  const changes = Object.keys(changed).length > 0 ? [...timeline.changes, { at: when, active: changed }] : timeline.changes;
  let { from, start } = timeline;
  let kept = changes;
  if (changes.length > MAX_TIMELINE_CHANGES) {
    const folded = changes.slice(0, changes.length - MAX_TIMELINE_CHANGES);
    start = { ...start };
    for (const change of folded) Object.assign(start, change.active);
    from = folded[folded.length - 1].at;
    kept = changes.slice(-MAX_TIMELINE_CHANGES);
  }
  return { from, start, changes: kept, names: { ...timeline.names, ...names } };
}

export interface TimelineSeries {
  /** Seconds since the epoch (uPlot's x), from the record's start to `until`. */
  times: number[];
  groups: { id: string; name: string; active: number[] }[];
}

/** Step series of the given groups (all when none is named), one point per change and one at `until`. */
export function timelineSeries(timeline: GroupTimeline, until: Date, groupIds?: readonly string[]): TimelineSeries {
  const ids = groupIds ?? Object.keys(timeline.names);
  const counts = { ...timeline.start };
  const times = [Date.parse(timeline.from) / 1000];
  const values = ids.map((id) => [counts[id] ?? NaN]);
  for (const change of timeline.changes) {
    Object.assign(counts, change.active);
    times.push(Date.parse(change.at) / 1000);
    ids.forEach((id, i) => values[i].push(counts[id] ?? NaN));
  }
  times.push(Math.max(until.getTime() / 1000, times[times.length - 1]));
  ids.forEach((id, i) => values[i].push(counts[id] ?? NaN));
  return { times, groups: ids.map((id, i) => ({ id, name: timeline.names[id] ?? id, active: values[i] })) };
}

export interface Outage {
  groupId: string;
  /** Seconds since the epoch. */
  from: number;
  to: number;
}

/** The stretches in which a group had no active connector. */
export function outages(series: TimelineSeries): Outage[] {
  const found: Outage[] = [];
  for (const group of series.groups) {
    let start: number | undefined;
    group.active.forEach((value, i) => {
      const time = series.times[i];
      if (value === 0 && start === undefined) start = time;
      if (value !== 0 && start !== undefined) {
        found.push({ groupId: group.id, from: start, to: time });
        start = undefined;
      }
    });
    if (start !== undefined) found.push({ groupId: group.id, from: start, to: series.times[series.times.length - 1] });
  }
  return found;
}

/** One row per group and change (the table and the CSV): time, group, active before and after. */
export function timelineRows(timeline: GroupTimeline, groupIds?: readonly string[]): { at: string; groupId: string; group: string; before?: number; after: number }[] {
  const wanted = groupIds && new Set(groupIds);
  const counts = { ...timeline.start };
  const rows: { at: string; groupId: string; group: string; before?: number; after: number }[] = [];
  for (const change of timeline.changes) {
    for (const [id, after] of Object.entries(change.active)) {
      if (!wanted || wanted.has(id)) rows.push({ at: change.at, groupId: id, group: timeline.names[id] ?? id, before: counts[id], after });
      counts[id] = after;
    }
  }
  return rows;
}

/** A tenant's chart can show this many groups and stay readable; its table has every change. */
export const MAX_CHARTED_GROUPS = 12;

/**
 * The groups a tenant's chart draws: those whose count changed, the most changes first; when fewer
 * than the chart holds changed, then groups serving the most applications. At most MAX_CHARTED_GROUPS.
 * `applications` has every group the tenant has now (its application count): a deleted group's last
 * count would be drawn on as if it still held, so it is left to the table.
 */
export function chartedGroups(timeline: GroupTimeline, applications: Readonly<Record<string, number>>): string[] {
  const changes = new Map<string, number>();
  for (const change of timeline.changes) {
    for (const id of Object.keys(change.active)) if (id in applications) changes.set(id, (changes.get(id) ?? 0) + 1);
  }
  const byChanges = [...changes].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const rest = Object.keys(timeline.names).filter((id) => !changes.has(id) && (applications[id] ?? 0) > 0)
    .sort((a, b) => (applications[b] ?? 0) - (applications[a] ?? 0));
  return [...byChanges, ...rest].slice(0, MAX_CHARTED_GROUPS);
}
