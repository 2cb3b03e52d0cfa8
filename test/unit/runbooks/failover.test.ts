// Fail-over pairs as layout files declare them, and what Fail Back brings home: checked against
// tenants written out by hand.
import * as assert from 'node:assert/strict';
import type { Application, ConnectorGroupWithContents } from '../../../src/graph/types';
import type { Layout } from '../../../src/layout/layoutFile';
import { declaredPairs, failBackItems } from '../../../src/runbooks/failover';

const a = (id: string): Application => ({ id, appId: id, displayName: id, onPremisesPublishing: {} });
const g = (id: string, name: string, applications: string[]): ConnectorGroupWithContents =>
  ({ id, name, connectorGroupType: 'applicationProxy', isDefault: false, region: 'eur', members: [], applications: applications.map(a) });
const layout = (groups: Layout['connectorGroups'], tenant = 'T'): Layout => ({ tenant: { id: tenant.toLowerCase() }, prune: false, connectorGroups: groups });

describe('fail-over declarations', () => {
  const tenant = [g('src', 'Frankfurt', ['a1', 'a2']), g('dr', 'Amsterdam', []), g('twin1', 'Twin', []), g('twin2', 'Twin', [])];

  it('matches the declaring group by id or by a name one group has, and keeps the listed applications', () => {
    assert.deepEqual(declaredPairs(layout([
      { id: 'src', name: 'Renamed', failover: { to: 'dr' }, applications: [{ id: 'a1' }] },
      { name: 'Amsterdam', failover: { to: 'src' } },
      { name: 'Frankfurt' },
    ]), 'eu.connectorgroups.json', 'T', tenant), [
      { sourceId: 'src', targetId: 'dr', file: 'eu.connectorgroups.json', listed: ['a1'] },
      { sourceId: 'dr', targetId: 'src', file: 'eu.connectorgroups.json' },
    ]);
  });

  it('matches a name in any case, as Preview Plan does, and leaves out a group that fails over to itself', () => {
    assert.deepEqual(declaredPairs(layout([{ name: 'frankfurt', failover: { to: 'dr' } }, { name: 'Amsterdam', failover: { to: 'dr' } }]), 'f', 'T', tenant),
      [{ sourceId: 'src', targetId: 'dr', file: 'f' }]);
  });

  it('leaves out another tenant\'s file, a name two groups share, and a group the tenant does not have', () => {
    assert.deepEqual(declaredPairs(layout([{ id: 'src', name: 'Frankfurt', failover: { to: 'dr' } }], 'other'), 'f', 'T', tenant), []);
    assert.deepEqual(declaredPairs(layout([{ name: 'Twin', failover: { to: 'dr' } }, { id: 'gone', name: 'Gone', failover: { to: 'dr' } }, { name: 'New', failover: { to: 'dr' } }]), 'f', 'T', tenant), []);
  });
});

describe('fail back', () => {
  const moved = (itemId: string, homeId = 'src', movedTo = 'dr') => ({ itemId, homeId, movedTo });

  it('brings back the recorded applications still away, and those a declaring file lists that sit in its fail-over group', () => {
    const now = [g('src', 'Frankfurt', ['a4']), g('dr', 'Amsterdam', ['a1', 'a2', 'a3', 'x']), g('other', 'Other', ['a5'])];
    const pairs = [{ sourceId: 'src', targetId: 'dr', file: 'f', listed: ['a3', 'a4', 'a5'] }];
    // a1 and a2 recorded; a3 listed and in the DR group; a4 already home; a5 listed but not in the DR group;
    // a6 recorded but gone; b1 recorded for another group; x neither.
    const records = [moved('a1'), moved('A2'), moved('a4'), moved('a6'), moved('b1', 'other')];
    assert.deepEqual(failBackItems(now[0], now, records, pairs), ['a1', 'a2', 'a3']);
  });

  it('leaves an application moved on from the fail-over group where it is: someone chose its new group', () => {
    const now = [g('src', 'Frankfurt', []), g('dr', 'Amsterdam', []), g('third', 'Third', ['a1'])];
    assert.deepEqual(failBackItems(now[0], now, [moved('a1')], []), []);
  });

  it('matches ids in any case: Graph writes them as it likes, layout files in lower case', () => {
    const now = [g('SRC-1', 'Frankfurt', []), g('DR-1', 'Amsterdam', ['A1', 'A2'])];
    assert.deepEqual(failBackItems(now[0], now, [moved('A1', 'src-1', 'dr-1')], [{ sourceId: 'SRC-1', targetId: 'dr-1', file: 'f', listed: ['a2'] }]), ['a1', 'a2']);
  });

  it('has nothing to bring back when every application is home', () => {
    const now = [g('src', 'Frankfurt', ['a1']), g('dr', 'Amsterdam', [])];
    assert.deepEqual(failBackItems(now[0], now, [moved('a1')], [{ sourceId: 'src', targetId: 'dr', file: 'f', listed: ['a1'] }]), []);
  });
});
