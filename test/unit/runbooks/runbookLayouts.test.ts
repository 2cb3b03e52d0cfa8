import * as assert from 'node:assert/strict';
import type { Application, Connector, ConnectorGroupWithContents } from '../../../src/graph/types';
import { evacuationRefusal, evacuationRisk } from '../../../src/runbooks/preflight';
import { withItemsMoved, withItemsPlaced, withoutGroup } from '../../../src/runbooks/targetLayouts';

const c = (id: string, status = 'active', version = '1.5.3437.0'): Connector => ({ id, machineName: id, status, version, externalIp: '' });
const a = (id: string, applicationType?: string): Application => ({ id, appId: id, displayName: id, onPremisesPublishing: applicationType ? { applicationType } : {} });
const g = (id: string, members: Connector[], applications: Application[], isDefault = false): ConnectorGroupWithContents =>
  ({ id, name: id.toUpperCase(), connectorGroupType: 'applicationProxy', isDefault, region: 'nam', members, applications });
const tenant = { id: 't' };
const where = (layout: ReturnType<typeof withItemsMoved>) =>
  Object.fromEntries(layout.connectorGroups.map((x) => [x.id, [...(x.connectors ?? []).map((i) => i.id), ...(x.applications ?? []).map((i) => i.id)].join(',')]));

describe('runbook layouts', () => {
  const groups = () => [g('home', [c('c1'), c('c2')], [a('a1'), a('pa', 'nonwebapp')], true), g('eu', [c('c3')], [a('a2')]), g('idle', [], [])];

  it('moves items under the target and leaves everything else where it is, never changing the tenant read', () => {
    const read = groups();
    const layout = withItemsMoved(read, tenant, 'applications', ['a1', 'PA'], 'eu');
    assert.deepEqual(where(layout), { home: 'c1,c2', eu: 'c3,a2,a1,pa', idle: '' });
    assert.equal(layout.prune, false, 'nothing the layout leaves out is touched');
    assert.deepEqual(read[0].applications.map((x) => x.id), ['a1', 'pa']);
  });

  it('puts each item back in its own group', () => {
    const layout = withItemsPlaced(groups(), tenant, 'connectors', new Map([['c1', 'eu'], ['c3', 'idle']]));
    assert.deepEqual(where(layout), { home: 'c2,a1,pa', eu: 'c1,a2', idle: 'c3' });
  });

  it('deletes one group under prune, listing every other group and item', () => {
    const layout = withoutGroup(groups(), tenant, 'idle');
    assert.equal(layout.prune, true);
    assert.deepEqual(where(layout), { home: 'c1,c2,a1,pa', eu: 'c3,a2' });
  });

  it('names a target that is not in the tenant', () => {
    assert.throws(() => withItemsMoved(groups(), tenant, 'connectors', ['c1'], 'nowhere'), /No group nowhere/);
  });
});

describe('evacuation preflight', () => {
  const web = [a('w')];
  const withPrivateAccess = [a('w'), a('pa', 'nonwebapp')];
  const cases: [string, Connector[], Application[], string | undefined, string | undefined][] = [
    ['no active connector: refused', [c('x', 'inactive')], web, "'T' has no active connector: the applications would be unreachable.", undefined],
    ['one active connector: taken, with the risk said', [c('x')], web, undefined, 'one active connector: no redundancy'],
    ['two active connectors: nothing to say', [c('x'), c('y')], web, undefined, undefined],
    ['Private Access and only old connectors: refused', [c('x', 'active', '1.5.3352.0'), c('y', 'active', '1.5.1.0')], withPrivateAccess,
      "'T' has no active connector at 1.5.3417.0 or later, which Private Access needs.", undefined],
    ['Private Access and some old connectors: taken, with the risk said', [c('x', 'active', '1.5.3352.0'), c('y')], withPrivateAccess,
      undefined, 'some connectors below 1.5.3417.0, which Private Access needs'],
    ['old connectors and no Private Access: nothing to say', [c('x', 'active', '1.5.3352.0'), c('y')], web, undefined, undefined],
  ];
  for (const [name, members, applications, refusal, risk] of cases) {
    it(name, () => {
      const target = { ...g('t', members, []), name: 'T' };
      assert.equal(evacuationRefusal(target, applications), refusal);
      // A risk is said only on a row that can be taken.
      if (!refusal) assert.equal(evacuationRisk(target, applications), risk);
    });
  }
});
