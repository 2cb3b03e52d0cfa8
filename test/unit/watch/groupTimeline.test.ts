import * as assert from 'node:assert/strict';
import { chartedGroups, latestCounts, MAX_CHARTED_GROUPS, MAX_TIMELINE_CHANGES, outages, recordCounts, timelineRows, timelineSeries, type GroupTimeline } from '../../../src/watch/groupTimeline';

const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);
const seconds = (hhmm: string) => at(hhmm).getTime() / 1000;
const EU = { id: 'eu', name: 'EU Frankfurt' };
const ASIA = { id: 'asia', name: 'Asia Singapore' };

function recorded(...polls: [string, number, number][]): GroupTimeline {
  let timeline: GroupTimeline | undefined;
  for (const [time, eu, asia] of polls) timeline = recordCounts(timeline, [{ ...EU, active: eu }, { ...ASIA, active: asia }], at(time));
  return timeline!;
}

describe('group timeline: active connectors per group over time', () => {
  it('keeps the first counts whole, then only the groups that changed', () => {
    const timeline = recorded(['10:00', 3, 1], ['10:05', 3, 1], ['10:10', 2, 1], ['10:15', 2, 0], ['10:20', 3, 0]);
    assert.deepEqual(timeline, {
      from: '2026-12-02T10:00:00.000Z',
      start: { eu: 3, asia: 1 },
      changes: [
        { at: '2026-12-02T10:10:00.000Z', active: { eu: 2 } },
        { at: '2026-12-02T10:15:00.000Z', active: { asia: 0 } },
        { at: '2026-12-02T10:20:00.000Z', active: { eu: 3 } },
      ],
      names: { eu: 'EU Frankfurt', asia: 'Asia Singapore' },
    });
    assert.deepEqual(latestCounts(timeline), { eu: 3, asia: 0 });
  });

  it('returns the same record when a poll changed nothing, so nothing is written', () => {
    const timeline = recorded(['10:00', 3, 1]);
    assert.equal(recordCounts(timeline, [{ ...EU, active: 3 }, { ...ASIA, active: 1 }], at('10:05')), timeline);
  });

  it('draws step series to the present, and marks the stretch without an active connector', () => {
    const timeline = recorded(['10:00', 3, 1], ['10:15', 3, 0], ['10:40', 2, 1]);
    const series = timelineSeries(timeline, at('11:00'));
    assert.deepEqual(series.times, [seconds('10:00'), seconds('10:15'), seconds('10:40'), seconds('11:00')]);
    assert.deepEqual(series.groups.map((g) => [g.name, g.active]), [['EU Frankfurt', [3, 3, 2, 2]], ['Asia Singapore', [1, 0, 1, 1]]]);
    assert.deepEqual(outages(series), [{ groupId: 'asia', from: seconds('10:15'), to: seconds('10:40') }]);
    // An outage still going on runs to the present.
    assert.deepEqual(outages(timelineSeries(recorded(['10:00', 0, 1]), at('10:30'), ['eu'])), [{ groupId: 'eu', from: seconds('10:00'), to: seconds('10:30') }]);
  });

  it('lists each change with the count before it, for one group or all', () => {
    const timeline = recorded(['10:00', 3, 1], ['10:15', 2, 0], ['10:40', 3, 1]);
    assert.deepEqual(timelineRows(timeline, ['asia']).map((r) => `${r.at.slice(11, 16)} ${r.group} ${r.before}→${r.after}`), ['10:15 Asia Singapore 1→0', '10:40 Asia Singapore 0→1']);
    assert.equal(timelineRows(timeline).length, 4);
  });

  it('folds the oldest changes into the starting counts past its bound, and the latest counts stay right', () => {
    let timeline = recorded(['00:00', 3, 1]);
    const start = at('00:00').getTime();
    for (let i = 1; i <= MAX_TIMELINE_CHANGES + 10; i++) {
      timeline = recordCounts(timeline, [{ ...EU, active: i % 4 }, { ...ASIA, active: 1 }], new Date(start + i * 60_000));
    }
    assert.equal(timeline.changes.length, MAX_TIMELINE_CHANGES);
    assert.equal(timeline.from, new Date(start + 10 * 60_000).toISOString());
    assert.deepEqual(timeline.start, { eu: 10 % 4, asia: 1 });
    assert.deepEqual(latestCounts(timeline), { eu: (MAX_TIMELINE_CHANGES + 10) % 4, asia: 1 });
  });

  it("charts the groups that changed most first, then those serving the most applications, and no more than the chart holds", () => {
    const groups = Array.from({ length: 20 }, (_, i) => ({ id: `g${i}`, name: `Group ${i}` }));
    const poll = (time: string, active: (i: number) => number) => (t: GroupTimeline | undefined) =>
      recordCounts(t, groups.map((g, i) => ({ ...g, active: active(i) })), at(time));
    // g3 changes twice, g7 once; the others never.
    let timeline = poll('09:00', () => 2)(undefined);
    timeline = poll('09:05', (i) => (i === 3 || i === 7 ? 1 : 2))(timeline);
    timeline = poll('09:10', (i) => (i === 7 ? 1 : 2))(timeline);
    const applications = { g1: 1, g5: 9, g9: 4, g3: 1, g7: 0 };
    assert.deepEqual(chartedGroups(timeline, applications), ['g3', 'g7', 'g5', 'g9', 'g1']);
    // g3 deleted since: its last count is not drawn on as if it still held.
    const { g3: _deleted, ...afterDelete } = applications;
    assert.deepEqual(chartedGroups(timeline, afterDelete), ['g7', 'g5', 'g9', 'g1']);
    const many = Object.fromEntries(groups.map((g, i) => [g.id, i + 1]));
    const charted = chartedGroups(timeline, many);
    assert.equal(charted.length, MAX_CHARTED_GROUPS);
    assert.deepEqual(charted.slice(0, 4), ['g3', 'g7', 'g19', 'g18']);
  });
});
