import * as assert from 'node:assert/strict';
import type { ConnectorGroupWithContents } from '../../../src/graph/types';
import { applicationsCutOff, cutOffText, unreachableText } from '../../../src/tenants/impact';
import { nameList } from '../../../src/shared/nameList';

function group(id: string, connectors: [string, 'active' | 'inactive'][], applications: string[]): ConnectorGroupWithContents {
  return {
    id, name: id, connectorGroupType: 'applicationProxy', isDefault: id === 'Default', region: 'nam',
    members: connectors.map(([machineName, status]) => ({ id: machineName, machineName, status, externalIp: '', version: '' })),
    applications: applications.map((displayName) => ({ id: displayName, appId: displayName, displayName })),
  };
}

const tenant = () => [
  group('Default', [['NYC-1', 'active'], ['SEA-1', 'inactive']], ['Intranet']),
  group('EU', [['FRA-1', 'active'], ['FRA-2', 'active']], ['SAP Fiori', 'Wiki']),
  group('Asia', [['SIN-1', 'active']], ['Ticketing']),
  group('Sydney', [['SYD-1', 'inactive']], ['Field Service']),
  group('Pune', [], []),
];

const said = (change: Parameters<typeof applicationsCutOff>[1]) => cutOffText(applicationsCutOff(tenant(), change));

describe('impact of a change on applications', () => {
  it('names applications assigned to a group with no active connector', () => {
    assert.equal(said({ applications: { ids: ['Wiki', 'SAP Fiori'], to: 'Pune' } }), "SAP Fiori and Wiki will have no active connector in 'Pune'.");
    assert.equal(said({ applications: { ids: ['Wiki'], to: 'Sydney' } }), "Wiki will have no active connector in 'Sydney'.");
  });

  it('names the applications left behind when a group loses its last active connector', () => {
    assert.equal(said({ connectors: { ids: ['SIN-1'], to: 'Default' } }), "Ticketing will have no active connector in 'Asia'.");
    assert.equal(said({ connectors: { ids: ['NYC-1', 'SEA-1'], to: 'Pune' } }), "Intranet will have no active connector in 'Default'.");
  });

  it('says nothing when an active connector stays or arrives', () => {
    assert.equal(said({ connectors: { ids: ['FRA-1'], to: 'Pune' } }), '');
    assert.equal(said({ applications: { ids: ['Wiki'], to: 'Asia' } }), '');
    assert.equal(said({ connectors: { ids: ['SEA-1'], to: 'Pune' } }), '', 'an inactive connector leaving changes nothing');
  });

  it('counts connectors and applications moving together, as emptying a group before deleting it does', () => {
    const emptyEu = { connectors: { ids: ['FRA-1', 'FRA-2'], to: 'Pune' }, applications: { ids: ['SAP Fiori', 'Wiki'], to: 'Pune' }, deleting: 'EU' };
    assert.equal(said(emptyEu), '', 'the applications go where their connectors went');
    const emptyAsiaIntoSydney = { connectors: { ids: ['SIN-1'], to: 'Sydney' }, applications: { ids: ['Ticketing'], to: 'Sydney' }, deleting: 'Asia' };
    assert.equal(said(emptyAsiaIntoSydney), '', 'the active connector arrives with the application');
    const emptySydneyIntoPune = { connectors: { ids: ['SYD-1'], to: 'Pune' }, applications: { ids: ['Field Service'], to: 'Pune' }, deleting: 'Sydney' };
    assert.equal(said(emptySydneyIntoPune), "Field Service will have no active connector in 'Pune'.", 'one that moves is named even if it was unreachable before');
    assert.equal(said({ connectors: { ids: ['SYD-1'], to: 'Pune' } }), '', 'one that stays unreachable is not named again');
  });

  it('groups several groups into one sentence each', () => {
    const text = said({ connectors: { ids: ['SIN-1', 'NYC-1'], to: 'EU' } });
    assert.equal(text, "Intranet will have no active connector in 'Default'. Ticketing will have no active connector in 'Asia'.");
  });

  it('describes a group whose applications are unreachable now', () => {
    const [, , , sydney, pune] = tenant();
    assert.equal(unreachableText(sydney), "Field Service has no active connector in 'Sydney'.");
    assert.equal(unreachableText(pune), undefined);
  });

  it('lists names as a sentence does', () => {
    assert.deepEqual([[], ['A'], ['A', 'B'], ['A', 'B', 'C'], ['1', '2', '3', '4', '5', '6', '7']].map(nameList),
      ['', 'A', 'A and B', 'A, B and C', '1, 2, 3, 4, 5 and 2 more']);
  });
});
