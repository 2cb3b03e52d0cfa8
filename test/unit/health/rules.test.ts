import * as assert from 'node:assert/strict';
import type { Application, Connector, ConnectorGroupWithContents } from '../../../src/graph/types';
import { tenantFindings, type RuleId, type Severity } from '../../../src/health/rules';
import { isBelow, majorLine } from '../../../src/health/versions';

const connector = (machineName: string, status = 'active', version = '1.5.3437.0'): Connector => ({ id: machineName, machineName, status, version, externalIp: '' });
const app = (displayName: string, applicationType?: string): Application =>
  ({ id: displayName, appId: displayName, displayName, onPremisesPublishing: applicationType === undefined ? {} : { applicationType } });

function group(name: string, members: Connector[], applications: Application[], more: Partial<ConnectorGroupWithContents> = {}): ConnectorGroupWithContents {
  return { id: name, name, connectorGroupType: 'applicationProxy', isDefault: false, region: 'nam', members, applications, ...more };
}
const home = (members: Connector[] = [connector('H1'), connector('H2'), connector('H3')], applications: Application[] = []) =>
  group('Default', members, applications, { isDefault: true });

/** A finding as the table writes it: rule, severity, group, connectors concerned, applications at risk. */
type Expected = [RuleId, Severity, string, string[], string[]];

function found(groups: ConnectorGroupWithContents[]): Expected[] {
  return tenantFindings(groups).map((f) => [f.rule, f.severity, f.group.name, f.connectors.map((c) => c.machineName), f.applicationsAtRisk.map((a) => a.displayName)]);
}

describe('health rules', () => {
  const cases: [string, ConnectorGroupWithContents[], Expected[]][] = [
    ['a healthy tenant has no finding', [home(), group('A', [connector('A1'), connector('A2'), connector('A3')], [app('Wiki')])], []],
    ['applications and no active connector: an error, every application at risk, and the inactive ones said',
      [home(), group('A', [connector('A1', 'inactive')], [app('Wiki'), app('CRM')])],
      [['noActiveConnector', 'error', 'A', [], ['Wiki', 'CRM']], ['inactiveConnectors', 'warning', 'A', ['A1'], ['Wiki', 'CRM']]]],
    ['one active connector: no redundancy',
      [home(), group('A', [connector('A1')], [app('Wiki')])],
      [['oneActiveConnector', 'warning', 'A', ['A1'], ['Wiki']]]],
    ['two active connectors: no spare',
      [home(), group('A', [connector('A1'), connector('A2')], [app('Wiki')])],
      [['twoActiveConnectors', 'information', 'A', ['A1', 'A2'], ['Wiki']]]],
    ['a group without applications needs no redundancy',
      [home(), group('A', [connector('A1')], [])], []],
    ['applications on the default group',
      [home(undefined, [app('Wiki')])],
      [['applicationsOnDefault', 'warning', 'Default', [], ['Wiki']]]],
    ['an inactive connector beside two active ones puts no application at risk',
      [home(), group('A', [connector('A1'), connector('A2'), connector('A3'), connector('A4', 'inactive')], [app('Wiki')])],
      [['inactiveConnectors', 'warning', 'A', ['A4'], []]]],
    ['a connector below the Private Access minimum in a group that serves Private Access: only those applications at risk',
      [home(), group('A', [connector('A1'), connector('A2', 'active', '1.5.3352.0'), connector('A3')], [app('Wiki'), app('Files', 'nonwebapp')])],
      [['belowPrivateAccessVersion', 'error', 'A', ['A2'], ['Files']]]],
    ['Quick Access goes through the same connectors as Private Access',
      [home(), group('A', [connector('A1', 'active', '1.5.3000.0'), connector('A2'), connector('A3')], [app('Quick', 'quickaccessapp')])],
      [['belowPrivateAccessVersion', 'error', 'A', ['A1'], ['Quick']]]],
    ['an unknown application type is a web application: no Private Access minimum',
      [home(), group('A', [connector('A1', 'active', '1.5.3000.0'), connector('A2'), connector('A3')], [app('CRM', 'unknownFutureValue')])], []],
    ['a connector below the region-optimised minimum outside the default region',
      [home(), group('A', [connector('A1', 'active', '1.5.1526.0'), connector('A2', 'active', '1.5.1975.0'), connector('A3')], [app('Wiki')], { region: 'asia' })],
      [['belowRegionVersion', 'error', 'A', ['A1'], ['Wiki']]]],
    ['the same old version in the default region is no region finding',
      [home(), group('A', [connector('A1', 'active', '1.5.1526.0'), connector('A2'), connector('A3')], [app('Wiki')])], []],
    ['different major versions in one group',
      [home(), group('A', [connector('A1', 'active', '1.6.100.0'), connector('A2'), connector('A3')], [app('Wiki')])],
      [['mixedVersions', 'information', 'A', ['A1', 'A2', 'A3'], []]]],
    ['a version that is not dotted numbers is never guessed at',
      [home(), group('A', [connector('A1', 'active', 'preview'), connector('A2'), connector('A3')], [app('Files', 'nonwebapp')], { region: 'eur' })], []],
    ['an empty group other than the default: a hint with a fix; an empty default group: nothing',
      [home([], []), group('Spare', [], [])],
      [['emptyGroup', 'hint', 'Spare', [], []]]],
    ["other agents' groups have no rules here",
      [home(), group('Sync', [], [app('X')], { connectorGroupType: 'syncFabric' })], []],
    ['the most severe first, then the most applications at risk, then by name',
      [home(undefined, [app('D1')]), group('B', [connector('B1')], [app('B1'), app('B2')]), group('A', [connector('A1')], [app('A1')]), group('Z', [], [app('Z1')])],
      [['noActiveConnector', 'error', 'Z', [], ['Z1']], ['oneActiveConnector', 'warning', 'B', ['B1'], ['B1', 'B2']],
        ['oneActiveConnector', 'warning', 'A', ['A1'], ['A1']], ['applicationsOnDefault', 'warning', 'Default', [], ['D1']]]],
  ];
  for (const [name, groups, expected] of cases) {
    it(name, () => assert.deepEqual(found(groups), expected));
  }

  it('offers a fix where one exists: a connector for a group at risk, evacuating the default group, deleting an empty group', () => {
    const fixes = tenantFindings([home(undefined, [app('D1')]), group('A', [connector('A1')], [app('W')]), group('E', [], [])])
      .map((f) => [f.rule, f.fix]);
    assert.deepEqual(fixes, [['oneActiveConnector', 'addActiveConnector'], ['applicationsOnDefault', 'evacuateDefault'], ['emptyGroup', 'deleteEmptyGroup']]);
  });

  it('says each finding in one plain sentence naming the group', () => {
    const [finding] = tenantFindings([home(), group('India Pune', [], [app('Wiki'), app('CRM')])]);
    assert.equal(finding.message, "'India Pune' has no active connector: its 2 applications are unreachable.");
  });
});

describe('connector versions', () => {
  const below: [string | undefined, string, boolean][] = [
    ['1.5.3352.0', '1.5.3417.0', true], ['1.5.3417.0', '1.5.3417.0', false], ['1.5.3437.0', '1.5.3417.0', false],
    ['1.6.0.0', '1.5.3417.0', false], ['1.4.9999.9', '1.5.1975.0', true], ['1.5', '1.5.1975.0', true],
    ['preview', '1.5.1975.0', false], [undefined, '1.5.1975.0', false], ['', '1.5.1975.0', false], ['2', '1.5.1975.0', false],
  ];
  for (const [version, minimum, expected] of below) {
    it(`${String(version)} ${expected ? 'is' : 'is not'} below ${minimum}`, () => assert.equal(isBelow(version, minimum), expected));
  }
  it('compares groups by their major line', () => {
    assert.equal(majorLine('1.5.3437.0'), '1.5');
    assert.equal(majorLine('x'), undefined);
  });
});
