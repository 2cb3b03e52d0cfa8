import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FindingNode, HealthTenantNode } from '../../src/tree/healthNodes';
import { extensionApi, freshStart, groupItem, pickLabel, sandboxClient, sandboxTenantNode, script, shown } from './harness';

const P = '/beta/onPremisesPublishingProfiles/applicationProxy';

describe('runbooks and fixes: planned, applied, resumed and undone like layouts', function () {
  this.timeout(60_000);
  const sandbox = sandboxClient();
  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  async function finding(rule: string, groupName: string): Promise<FindingNode | undefined> {
    const api = await extensionApi();
    await vscode.commands.executeCommand('connectorGroups.refresh');
    await api.services.tree.settledChildren(await sandboxTenantNode(api));
    const tenant = (api.services.health.getChildren() as HealthTenantNode[]).find((t) => t.tenant.key === 'sandbox')!;
    return (tenant.children() as FindingNode[]).find((f) => f.finding.rule === rule && f.finding.group.name === groupName);
  }
  const groupOf = async (kind: 'connectors' | 'applications', label: string) => {
    const state = await sandbox.state();
    const item = kind === 'connectors'
      ? state.connectors.find((c) => c.machineName.startsWith(label))!
      : state.applications.find((a) => a.displayName === label)!;
    return state.groups.find((g) => g.id === item.groupId)!.name;
  };

  it('fixes a group with no active connector with one an idle group can spare, and Undo takes it back', async () => {
    // An idle group in the default region holding one active connector.
    const spare = (await sandbox.call('POST', `${P}/connectorGroups`, { body: { name: 'Spare', region: 'nam' } })).body;
    const fra1 = (await sandbox.state()).connectors.find((c) => c.machineName.startsWith('FRA-APPPROXY-01'))!;
    await sandbox.call('POST', `${P}/connectorGroups/${spare.id}/members/$ref`, { body: { '@odata.id': `${sandbox.url}${P}/connectors/${fra1.id}` } });
    const down = await finding('noActiveConnector', 'Australia Sydney');
    assert.ok(down?.finding.fix === 'addActiveConnector');
    let offered: vscode.QuickPickItem[] = [];
    await script((items) => { offered = [...items]; return items.find((i) => i.label === 'FRA-APPPROXY-01.contoso.com'); });
    const preview = await vscode.commands.executeCommand<{ steps: unknown[] }>('connectorGroups.fixFinding', down);
    assert.equal(preview?.steps.length, 1);
    assert.equal(offered[0].label, 'FRA-APPPROXY-01.contoso.com', 'the idle group\'s connector first');
    // NYC-01 would leave the default group's applications on one connector; FRA-02 is kept out by the region rule.
    assert.ok(offered.filter((i) => (i as { refusal?: string }).refusal).map((i) => i.label).includes('NYC-APPPROXY-01.contoso.com'));
    const applied = await (async () => { await script(true); return vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan'); })();
    assert.deepEqual(applied?.outcomes.map((o) => o.state), ['done']);
    assert.equal(await groupOf('connectors', 'FRA-APPPROXY-01'), 'Australia Sydney');
    assert.equal(await finding('noActiveConnector', 'Australia Sydney'), undefined, 'the finding is gone');
    await script(true);
    const undone = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.undoApply');
    assert.deepEqual(undone?.outcomes.map((o) => o.state), ['done']);
    assert.equal(await groupOf('connectors', 'FRA-APPPROXY-01'), 'Spare');
  });

  it('says when no group can spare an active connector, and sends nothing', async () => {
    const single = await finding('oneActiveConnector', 'Tokyo (legacy)');
    await sandbox.call('DELETE', '/_sandbox/requests');
    const prompts = await script();
    await vscode.commands.executeCommand('connectorGroups.fixFinding', single);
    assert.match(prompts.errors[0] ?? '', /No group can spare an active connector for 'Tokyo \(legacy\)'/);
    assert.deepEqual((await sandbox.settledRequests()).filter((e) => e.method !== 'GET'), []);
  });

  it('evacuates the default group: every application of every kind, to a target the preflight accepts; a stopped run resumes', async () => {
    const onDefault = await finding('applicationsOnDefault', 'Default');
    let offered: vscode.QuickPickItem[] = [];
    await script((items) => { offered = [...items]; return items.find((i) => i.label === 'EU Frankfurt'); });
    await vscode.commands.executeCommand('connectorGroups.fixFinding', onDefault);
    const refused = offered.filter((i) => (i as { refusal?: string }).refusal);
    assert.deepEqual(refused.map((i) => i.label).sort(), ['Asia Singapore', 'Australia Sydney', 'India Pune']);
    assert.match((refused.find((i) => i.label === 'Asia Singapore') as unknown as { refusal: string }).refusal, /no active connector at 1\.5\.3417\.0 or later, which Private Access needs/);
    assert.match(offered.find((i) => i.label === 'Tokyo (legacy)')?.detail ?? '', /one active connector: no redundancy/);
    // The first assignment goes through, the next fails: the run stops, and Resume finishes it.
    await sandbox.faults([{ method: 'PUT', path: '/connectorGroup/$ref', status: 500, skip: 1, times: 5 }]);
    await script(true);
    const first = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    assert.ok(first?.outcomes.some((o) => o.state === 'failed'), JSON.stringify(first?.outcomes));
    await sandbox.faults([]);
    await script(true);
    const resumed = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.resumeApply');
    assert.ok(resumed?.outcomes.every((o) => o.state === 'done'), JSON.stringify(resumed?.outcomes));
    for (const app of ['Expense Reports', 'Intranet', 'File Shares (Private Access)', 'Quick Access']) {
      assert.equal(await groupOf('applications', app), 'EU Frankfurt', app);
    }
  });

  it('drains a connector to the default group and restores it to its group', async () => {
    const api = await extensionApi();
    const [connectorsFolder] = await shown(api, (await groupItem(api, 'EU Frankfurt')).node);
    const fra2 = (await shown(api, connectorsFolder.node)).find((c) => c.label === 'FRA-APPPROXY-02.contoso.com')!;
    await script(pickLabel('Default'));
    const drain = await vscode.commands.executeCommand<{ steps: unknown[] }>('connectorGroups.drainConnectors', fra2.node);
    assert.equal(drain?.steps.length, 1);
    await script(true);
    await vscode.commands.executeCommand('connectorGroups.applyPlan');
    assert.equal(await groupOf('connectors', 'FRA-APPPROXY-02'), 'Default');
    // After a reload the record is still there: it is kept with the tenants.
    const restore = await vscode.commands.executeCommand<{ steps: unknown[] }>('connectorGroups.restoreDrained', await sandboxTenantNode(api));
    assert.equal(restore?.steps.length, 1);
    await script(true);
    await vscode.commands.executeCommand('connectorGroups.applyPlan');
    assert.equal(await groupOf('connectors', 'FRA-APPPROXY-02'), 'EU Frankfurt');
    const nothing = await script();
    assert.equal(await vscode.commands.executeCommand('connectorGroups.restoreDrained', await sandboxTenantNode(api)), undefined);
    assert.match(nothing.infos[0] ?? '', /No drained connector of 'Contoso \(sandbox\)' is waiting to go back/);
  });
});
