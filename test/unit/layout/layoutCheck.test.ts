// What the editor marks in a layout file once its tenant is loaded: items listed twice, named with
// the other group, and regions Graph would refuse to set, as warnings.
import * as assert from 'node:assert/strict';
import { checkLayout, type KnownIds } from '../../../src/layout/layoutCheck';
import { guid } from './fixtures';

const tenant = guid('tenant');
const eu = guid('eu');
const tokyo = guid('tokyo');
const fra = guid('fra');

const known: KnownIds = {
  tenantId: tenant, name: 'Contoso', groups: [eu, tokyo].join('\n'), connectors: fra, applications: '',
  regions: [`${eu}\teur`, `${tokyo}\tjapan`].join('\n'),
};

function marks(groups: object[]): string[] {
  const text = JSON.stringify({ tenant: { id: tenant }, connectorGroups: groups }, null, 2);
  return checkLayout(text, [known]).map((m) => `${text.slice(m.span.offset, m.span.offset + m.span.length)} :: ${m.warning ? 'warning' : 'error'} :: ${m.message}`);
}

describe('layout check: what the editor marks once the tenant is known', () => {
  it('names the connector listed twice and the other group it is in, at each place', () => {
    assert.deepEqual(marks([
      { id: eu, name: 'EU', region: 'eur', connectors: [{ id: fra, machineName: 'FRA-01' }] },
      { id: tokyo, name: 'Tokyo', region: 'japan', connectors: [{ id: fra, machineName: 'FRA-01' }] },
    ]), [
      `"${fra}" :: error :: FRA-01 is listed more than once, also in 'Tokyo': a connector belongs to exactly one group.`,
      `"${fra}" :: error :: FRA-01 is listed more than once, also in 'EU': a connector belongs to exactly one group.`,
    ]);
  });

  it('marks a fail-over group the tenant does not have', () => {
    const gone = guid('gone');
    assert.deepEqual(marks([
      { id: eu, name: 'EU', failover: { to: tokyo } },
      { id: tokyo, name: 'Tokyo', failover: { to: gone } },
    ]), [
      `"${gone}" :: error :: No Application Proxy connector group has this id in 'Contoso': a group fails over to one that exists.`,
    ]);
  });

  it('warns of a region outside the documented list unless the group has it already', () => {
    assert.deepEqual(marks([
      { id: eu, name: 'EU', region: 'japan' },
      { id: tokyo, name: 'Tokyo', region: 'japan' },
      { name: 'New', region: 'mars' },
      { name: 'Newer', region: 'aus' },
    ]), [
      `"japan" :: warning :: 'japan' is not a region Graph lets a group be set to (nam, eur, aus, asia, ind): it can only stay on a group that has it already.`,
      `"mars" :: warning :: 'mars' is not a region Graph lets a group be set to (nam, eur, aus, asia, ind): it can only stay on a group that has it already.`,
    ]);
  });
});
