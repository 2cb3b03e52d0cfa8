import * as assert from 'node:assert/strict';
import { regionFact, regionLabel } from '../../../src/shared/regions';
import { isGuid, validateGroupName, validateRegion } from '../../../src/shared/validation';
import { connectorMoveRefusal } from '../../../src/tenants/moveRules';
import { regionLockReason } from '../../../src/shared/regionFormMessages';
import { odataString } from '../../../src/graph/odata';

describe('shared rules', () => {
  it('trims names and bounds them at 256 characters', () => {
    assert.deepEqual(validateGroupName('  Branch  '), { ok: true, value: 'Branch' });
    assert.equal(validateGroupName('x'.repeat(256)).ok, true);
    assert.equal(validateGroupName('x'.repeat(257)).ok, false);
    assert.equal(validateGroupName('').ok, false);
    assert.equal(validateGroupName(undefined).ok, false);
  });

  it('accepts only the documented regions for writing, and shows others as they are', () => {
    assert.equal(validateRegion('eur').ok, true);
    assert.equal(validateRegion('unknownFutureValue').ok, false);
    assert.equal(validateRegion('EUR').ok, false);
    assert.equal(regionLabel('eur'), 'Europe');
    assert.equal(regionLabel('japan'), 'japan');
    assert.equal(regionLabel(null), 'no region');
  });

  it('says in the details that a region outside the list cannot be set, not its code twice', () => {
    assert.equal(regionFact('eur'), 'Europe (eur)');
    assert.equal(regionFact('japan'), 'japan (not a documented region; cannot be set)');
    assert.equal(regionFact(undefined), 'none');
  });

  it('checks GUIDs and escapes OData literals', () => {
    assert.equal(isGuid('16598f3d-7486-4af3-ab53-97b2cf1844ff'), true);
    assert.equal(isGuid('../organization'), false);
    assert.equal(odataString("O'Brien"), "'O''Brien'");
  });

  it('applies the region rule to moves: only from the default region into a region-optimised group', () => {
    const g = (id: string, region: string) => ({ id, name: id, region, isDefault: id === 'home', connectorGroupType: 'applicationProxy' });
    const home = g('home', 'nam');
    assert.equal(connectorMoveRefusal(g('eu', 'eur'), g('asia', 'asia'), home)?.includes('default region'), true);
    assert.equal(connectorMoveRefusal(home, g('asia', 'asia'), home), undefined);
    assert.equal(connectorMoveRefusal(g('eu', 'eur'), home, home), undefined);
    assert.equal(connectorMoveRefusal(g('eu', 'eur'), g('us2', 'nam'), home), undefined);
  });

  it('locks the region of a group with connectors or applications', () => {
    const base = { id: 'g', name: 'G', region: 'eur', isDefault: false, connectors: 0, applications: 0 };
    assert.equal(regionLockReason(base), undefined);
    assert.match(regionLockReason({ ...base, applications: 1 })!, /move them to another group first/);
  });
});
