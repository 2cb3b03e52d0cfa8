// What a poll of the connectors tells an admin: written out by hand for each case, one notice per
// poll, the most severe group first.
import * as assert from 'node:assert/strict';
import type { Application, Connector, ConnectorGroupWithContents } from '../../../src/graph/types';
import { statusChanges, watchNotice } from '../../../src/watch/statusChanges';

const c = (id: string, status = 'active'): Connector => ({ id, machineName: id.toUpperCase(), status, version: '1.5.3437.0', externalIp: '' });
const a = (name: string): Application => ({ id: name, appId: name, displayName: name, onPremisesPublishing: {} });
const g = (id: string, name: string, members: Connector[], apps: string[]): ConnectorGroupWithContents =>
  ({ id, name, connectorGroupType: 'applicationProxy', isDefault: false, region: 'eur', members, applications: apps.map(a) });

describe('connector watch: what changed', () => {
  const before = [c('eu-1'), c('eu-2'), c('old', 'inactive')];

  it('reports a status that differs from the one known, a connector the service removed, and not a new one', () => {
    const now = [c('EU-1', 'inactive'), c('eu-2'), c('new', 'inactive')];
    const changes = statusChanges(before, now);
    assert.deepEqual(changes.map((x) => `${x.connector.id}: ${x.from} → ${x.to}`), ['EU-1: active → inactive', 'old: inactive → undefined']);
  });

  it('reports nothing when nothing changed', () => {
    assert.deepEqual(statusChanges(before, [c('eu-1'), c('eu-2'), c('old', 'inactive')]), []);
    assert.equal(watchNotice([], []), undefined);
  });
});

describe('connector watch: the notice of a poll', () => {
  const frankfurt = () => g('fra', 'EU Frankfurt', [c('eu-1'), c('eu-2')], ['Wiki', 'SAP Fiori']);
  const pune = () => g('pun', 'India Pune', [c('in-1')], ['A', 'B', 'C']);
  const idle = () => g('idle', 'Idle', [c('id-1'), c('id-2')], []);

  it('says one active connector is left, naming the applications at risk (warning)', () => {
    const notice = watchNotice([{ connector: c('eu-2', 'inactive'), from: 'active', to: 'inactive' }], [frankfurt()]);
    assert.deepEqual(notice, {
      severity: 'warning',
      lines: ["EU-2 went inactive: 'EU Frankfurt' has one active connector left (Wiki and SAP Fiori)."],
      groupIds: ['fra'],
    });
  });

  it('says a group with no active connector leaves its applications unreachable (error), first, in the same notice', () => {
    const notice = watchNotice([
      { connector: c('eu-2', 'inactive'), from: 'active', to: 'inactive' },
      { connector: c('in-1', 'inactive'), from: 'active', to: 'inactive' },
      { connector: c('id-1', 'inactive'), from: 'active', to: 'inactive' },
    ], [frankfurt(), pune(), idle()]);
    assert.deepEqual(notice, {
      severity: 'error',
      lines: [
        "IN-1 went inactive: 'India Pune' has no active connector: 3 applications unreachable (A, B and C).",
        "EU-2 went inactive: 'EU Frankfurt' has one active connector left (Wiki and SAP Fiori).",
        "ID-1 went inactive: 'Idle' has 1 connector active.",
      ],
      groupIds: ['pun', 'fra', 'idle'],
      outage: 'pun',
    });
  });

  it('judges a group on every status the poll read, not on a tree still showing an older read', () => {
    // The tree still has EU-2 active (its reread after the last poll has not come back); the poll read it inactive.
    const notice = watchNotice([{ connector: c('eu-1', 'inactive'), from: 'active', to: 'inactive' }], [frankfurt()], [c('eu-1', 'inactive'), c('eu-2', 'inactive')]);
    assert.deepEqual(notice?.lines, ["EU-1 went inactive: 'EU Frankfurt' has no active connector: 2 applications unreachable (Wiki and SAP Fiori)."]);
    assert.equal(notice?.severity, 'error');
  });

  it('says connectors coming back, and several of one group in one sentence', () => {
    const down = g('fra', 'EU Frankfurt', [c('eu-1', 'inactive'), c('eu-2', 'inactive')], ['Wiki']);
    const notice = watchNotice([
      { connector: c('eu-1'), from: 'inactive', to: 'active' },
      { connector: c('eu-2'), from: 'inactive', to: 'active' },
    ], [down]);
    assert.deepEqual(notice?.lines, ["EU-1 and EU-2 are active again: 'EU Frankfurt' has 2 connectors active."]);
    assert.equal(notice?.severity, 'information');
  });

  it('says a connector of no group the tree knows, as information', () => {
    const notice = watchNotice([{ connector: c('stray'), from: undefined, to: undefined }], []);
    assert.deepEqual(notice, { severity: 'information', lines: ['STRAY was removed by the service.'], groupIds: [] });
  });
});
