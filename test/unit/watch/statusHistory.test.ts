// The watch's history of connector statuses: what a poll records, its bounds, and the words the
// tree shows for an inactive connector, against times written out by hand.
import * as assert from 'node:assert/strict';
import type { Connector } from '../../../src/graph/types';
import { inactiveWords, MAX_EVENTS, recordPoll } from '../../../src/watch/statusHistory';

const c = (id: string, status = 'active'): Connector => ({ id, machineName: `${id}.contoso.com`, status, version: '1.5.3437.0', externalIp: '' });
const at = (iso: string) => new Date(iso);

describe('connector status history', () => {
  it('keeps what the first poll found inactive without a since, and records each change after it with its time', () => {
    const first = recordPoll(undefined, [c('A'), c('b', 'inactive')], at('2026-12-02T10:00:00Z'));
    assert.deepEqual(first, { connectors: { b: { status: 'inactive' } }, events: [] });
    const second = recordPoll(first, [c('a', 'inactive'), c('b')], at('2026-12-02T11:00:00Z'));
    assert.deepEqual(second.connectors, {
      a: { status: 'inactive', since: '2026-12-02T11:00:00.000Z' },
      b: { status: 'active', since: '2026-12-02T11:00:00.000Z' },
    });
    assert.deepEqual(second.events.map((e) => `${e.machineName}: ${e.from} → ${e.to}`), ['a.contoso.com: active → inactive', 'b.contoso.com: inactive → active']);
    // Steady, the record stays as it was (its since is the change's, not this poll's).
    assert.deepEqual(recordPoll(second, [c('a', 'inactive'), c('b')], at('2026-12-02T12:00:00Z')).connectors.a, { status: 'inactive', since: '2026-12-02T11:00:00.000Z' });
  });

  it('records a connector the service removed, and drops its record', () => {
    const before = recordPoll(recordPoll(undefined, [c('a')], at('2026-12-01T00:00:00Z')), [c('a', 'inactive')], at('2026-12-01T01:00:00Z'));
    const after = recordPoll(before, [], at('2026-12-11T01:00:00Z'));
    assert.deepEqual(after.connectors, {});
    assert.deepEqual(after.events.at(-1), { at: '2026-12-11T01:00:00.000Z', connectorId: 'a', machineName: 'a', from: 'inactive' });
  });

  it(`keeps the last ${MAX_EVENTS} changes`, () => {
    let history = recordPoll(undefined, [c('a')], at('2026-12-01T00:00:00Z'));
    for (let i = 1; i <= MAX_EVENTS + 20; i++) history = recordPoll(history, [c('a', i % 2 ? 'inactive' : 'active')], new Date(Date.UTC(2026, 11, 1, 0, i)));
    assert.equal(history.events.length, MAX_EVENTS);
    assert.equal(history.events.at(-1)?.at, new Date(Date.UTC(2026, 11, 1, 0, MAX_EVENTS + 20)).toISOString());
  });

  it('says since when a connector is inactive and the days before the service removes it', () => {
    const since = at('2026-12-02T14:05:00');
    const record = { status: 'inactive', since: since.toISOString() };
    assert.equal(inactiveWords(record, at('2026-12-02T16:10:00')), 'inactive since 14:05 (2 h) · removed by the service in about 10 days');
    assert.equal(inactiveWords(record, at('2026-12-02T14:50:00')), 'inactive since 14:05 (45 min) · removed by the service in about 10 days');
    assert.equal(inactiveWords(record, at('2026-12-11T14:00:00')), 'inactive since 2026-12-02 (8 days) · removed by the service in about 1 day');
    assert.equal(inactiveWords(record, at('2026-12-12T02:00:00')), 'inactive since 2026-12-02 (9 days) · removed by the service in less than a day');
    assert.equal(inactiveWords(record, at('2026-12-13T14:00:00')), 'inactive since 2026-12-02 (10 days) · the service may remove it any time now');
    assert.equal(inactiveWords({ status: 'inactive' }, at('2026-12-13T14:00:00')), undefined, 'inactive since before the watch began: nothing more is known');
    assert.equal(inactiveWords({ status: 'active', since: since.toISOString() }, at('2026-12-13T14:00:00')), undefined);
  });
});
