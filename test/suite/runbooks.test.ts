import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PlanStep } from '../../src/layout/planner';
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
    const apps = ['Expense Reports', 'Intranet', 'File Shares (Private Access)', 'Quick Access'];
    for (const app of apps) assert.equal(await groupOf('applications', app), 'EU Frankfurt', app);
    // Undo takes back the whole evacuation, the part before the stop and the part resumed.
    await script(true);
    const undone = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.undoApply');
    assert.ok(undone?.outcomes.length && undone.outcomes.every((o) => o.state === 'done'), JSON.stringify(undone?.outcomes));
    for (const app of apps) assert.equal(await groupOf('applications', app), 'Default', app);
  });

  it('drains a connector whose answer is lost, and restores it after a stop and Resume', async () => {
    const api = await extensionApi();
    const [connectorsFolder] = await shown(api, (await groupItem(api, 'EU Frankfurt')).node);
    const fra2 = (await shown(api, connectorsFolder.node)).find((c) => c.label === 'FRA-APPPROXY-02.contoso.com')!;
    await script(pickLabel('Default'));
    const drain = await vscode.commands.executeCommand<{ steps: unknown[] }>('connectorGroups.drainConnectors', fra2.node);
    assert.equal(drain?.steps.length, 1);
    // The move is made, but its answer never arrives: the run reads the connector back before saying anything.
    await sandbox.faults([{ method: 'POST', path: 'members/\\$ref$', drop: true, after: true, times: 1 }]);
    await sandbox.call('DELETE', '/_sandbox/requests');
    await script(true);
    const drained = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    assert.deepEqual(drained?.outcomes.map((o) => o.state), ['done']);
    // The fault hit the move (no answer); a move may be sent again, and the connector is where it was sent.
    const moves = (await sandbox.settledRequests()).filter((e) => e.method === 'POST' && e.url.endsWith('/members/$ref'));
    assert.equal(moves[0]?.status, 0, JSON.stringify(moves));
    assert.equal(await groupOf('connectors', 'FRA-APPPROXY-02'), 'Default');
    // The record is kept with the tenants: a tenant shown again (as after a reload) still has it.
    await api.restoreTenants();
    const restore = await vscode.commands.executeCommand<{ steps: unknown[] }>('connectorGroups.restoreDrained', await sandboxTenantNode(api));
    assert.equal(restore?.steps.length, 1);
    await sandbox.faults([{ method: 'POST', path: 'members/\\$ref$', status: 500, times: 10 }]);
    await script(true);
    const stopped = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    assert.deepEqual(stopped?.outcomes.map((o) => o.state), ['failed']);
    assert.equal(await groupOf('connectors', 'FRA-APPPROXY-02'), 'Default');
    await sandbox.faults([]);
    await script(true);
    const resumed = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.resumeApply');
    assert.deepEqual(resumed?.outcomes.map((o) => o.state), ['done']);
    assert.equal(await groupOf('connectors', 'FRA-APPPROXY-02'), 'EU Frankfurt');
    const nothing = await script();
    assert.equal(await vscode.commands.executeCommand('connectorGroups.restoreDrained', await sandboxTenantNode(api)), undefined);
    assert.match(nothing.infos[0] ?? '', /No drained connector of 'Contoso \(sandbox\)' is waiting to go back/);
  });

  describe('fail over and fail back, for the pair a layout file declares', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'failover-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const FRANKFURT_APPS = ['SAP Fiori', 'Payroll EU', 'Wiki'];
    type Outcomes = { outcomes: { state: string }[] } | undefined;
    const assigned = (step: PlanStep) => (step.kind === 'assignApplications' ? `${step.toName} ← ${step.applications.map((a) => a.label).sort().join(', ')}` : step.kind);

    /** A disaster-recovery group (in the default region, which takes connectors from any group) with two of Frankfurt's connectors, declared in an open layout file. */
    async function declarePair(file: string, connectors = ['FRA-APPPROXY-02', 'FRA-APPPROXY-03'], listed: string[] = []): Promise<void> {
      const api = await extensionApi();
      const dr = (await sandbox.call('POST', `${P}/connectorGroups`, { body: { name: 'US East (DR)', region: 'nam' } })).body;
      for (const name of connectors) {
        const connector = (await sandbox.state()).connectors.find((c) => c.machineName.startsWith(name))!;
        const moved = await sandbox.call('POST', `${P}/connectorGroups/${dr.id}/members/$ref`, { body: { '@odata.id': `${sandbox.url}${P}/connectors/${connector.id}` } });
        assert.equal(moved.status, 204, JSON.stringify(moved.body));
      }
      const frankfurt = (await sandbox.state()).groups.find((g) => g.name === 'EU Frankfurt')!;
      const tenantId = (await sandboxTenantNode(api)).tenant.tenantId;
      const applications = (await sandbox.state()).applications.filter((a) => listed.includes(a.displayName)).map((a) => ({ id: a.id }));
      const entry = { id: frankfurt.id, name: 'EU Frankfurt', ...(listed.length ? { applications } : {}), failover: { to: dr.id } };
      writeFileSync(path.join(dir, file), JSON.stringify({ tenant: { id: tenantId }, connectorGroups: [entry] }, null, 2));
      await vscode.workspace.openTextDocument(path.join(dir, file));
      await vscode.commands.executeCommand('connectorGroups.refresh');
      await api.services.tree.settledChildren(await sandboxTenantNode(api));
    }

    it('moves every application to the declared group, resumes after a fault, and brings them back', async () => {
      await declarePair('pair.connectorgroups.json');
      const api = await extensionApi();
      await script();
      const over = await vscode.commands.executeCommand<{ steps: PlanStep[] }>('connectorGroups.failOver', (await groupItem(api, 'EU Frankfurt')).node);
      assert.deepEqual(over?.steps.map(assigned), [`US East (DR) ← ${[...FRANKFURT_APPS].sort().join(', ')}`]);
      await sandbox.faults([{ method: 'PUT', path: '/connectorGroup/$ref', status: 500, skip: 1, times: 5 }]);
      await script(true);
      const stopped = await vscode.commands.executeCommand<Outcomes>('connectorGroups.applyPlan');
      assert.ok(stopped?.outcomes.some((o) => o.state === 'failed'), JSON.stringify(stopped?.outcomes));
      await sandbox.faults([]);
      await script(true);
      const resumed = await vscode.commands.executeCommand<Outcomes>('connectorGroups.resumeApply');
      assert.ok(resumed?.outcomes.every((o) => o.state === 'done'), JSON.stringify(resumed?.outcomes));
      for (const app of FRANKFURT_APPS) assert.equal(await groupOf('applications', app), 'US East (DR)', app);
      // The file lists no application: what comes back is what Fail Over recorded.
      await vscode.commands.executeCommand('connectorGroups.refresh');
      await api.services.tree.settledChildren(await sandboxTenantNode(api));
      const back = await vscode.commands.executeCommand<{ steps: PlanStep[] }>('connectorGroups.failBack', (await groupItem(api, 'EU Frankfurt')).node);
      assert.deepEqual(back?.steps.map(assigned), [`EU Frankfurt ← ${[...FRANKFURT_APPS].sort().join(', ')}`]);
      await script(true);
      const home = await vscode.commands.executeCommand<Outcomes>('connectorGroups.applyPlan');
      assert.deepEqual(home?.outcomes.map((o) => o.state), ['done']);
      for (const app of FRANKFURT_APPS) assert.equal(await groupOf('applications', app), 'EU Frankfurt', app);
      // Undo takes back every run since the last Undo: the fail back and both runs of the fail over,
      // the latest first, so each application ends where it began.
      const asked = await script(true);
      const undone = await vscode.commands.executeCommand<Outcomes & { done: PlanStep[] }>('connectorGroups.undoApply');
      assert.match(asked.asked.join('\n'), /Undo every change made to 'Contoso \(sandbox\)' since the last Undo\? 3 steps take them back/);
      assert.ok(undone?.outcomes.length === 3 && undone.outcomes.every((o) => o.state === 'done'), JSON.stringify(undone?.outcomes));
      for (const app of FRANKFURT_APPS) assert.equal(await groupOf('applications', app), 'EU Frankfurt', app);
      await vscode.commands.executeCommand('connectorGroups.refresh');
      await api.services.tree.settledChildren(await sandboxTenantNode(api));
      const nothing = await script();
      assert.equal(await vscode.commands.executeCommand('connectorGroups.failBack', (await groupItem(api, 'EU Frankfurt')).node), undefined);
      assert.match(nothing.infos[0] ?? '', /No application of 'EU Frankfurt' is waiting to come back/);
    });

    it('refuses a group with no declared pair, and a fail-over group with no active connector, before anything is sent', async () => {
      const api = await extensionApi();
      let prompts = await script();
      await vscode.commands.executeCommand('connectorGroups.failOver', (await groupItem(api, 'Asia Singapore')).node);
      assert.match(prompts.errors[0] ?? '', /No layout file declares where 'Asia Singapore' fails over to\. Add "failover"/);
      await declarePair('empty-dr.connectorgroups.json', []);
      await sandbox.call('DELETE', '/_sandbox/requests');
      prompts = await script();
      await vscode.commands.executeCommand('connectorGroups.failOver', (await groupItem(api, 'EU Frankfurt')).node);
      assert.match(prompts.errors[0] ?? '', /Not failed over: 'US East \(DR\)' has no active connector: the applications would be unreachable/);
      assert.deepEqual((await sandbox.settledRequests()).filter((e) => e.method !== 'GET'), []);
    });

    it('fails back what the file lists when nothing was recorded, and not while the group has no active connector', async () => {
      await declarePair('listed.connectorgroups.json', undefined, FRANKFURT_APPS);
      const api = await extensionApi();
      await script();
      await vscode.commands.executeCommand('connectorGroups.failOver', (await groupItem(api, 'EU Frankfurt')).node);
      await script(true);
      await vscode.commands.executeCommand('connectorGroups.applyPlan');
      for (const app of FRANKFURT_APPS) assert.equal(await groupOf('applications', app), 'US East (DR)', app);
      // The outage: Frankfurt's last connector is taken away. Fail Back refuses, and sends nothing.
      const state = await sandbox.state();
      const fra1 = state.connectors.find((c) => c.machineName.startsWith('FRA-APPPROXY-01'))!;
      const home = state.groups.find((g) => g.isDefault)!;
      await sandbox.call('POST', `${P}/connectorGroups/${home.id}/members/$ref`, { body: { '@odata.id': `${sandbox.url}${P}/connectors/${fra1.id}` } });
      await vscode.commands.executeCommand('connectorGroups.refresh');
      await api.services.tree.settledChildren(await sandboxTenantNode(api));
      await sandbox.call('DELETE', '/_sandbox/requests');
      let prompts = await script();
      await vscode.commands.executeCommand('connectorGroups.failBack', (await groupItem(api, 'EU Frankfurt')).node);
      assert.match(prompts.errors[0] ?? '', /Not failed back: 'EU Frankfurt' has no active connector: the applications would be unreachable/);
      assert.deepEqual((await sandbox.settledRequests()).filter((e) => e.method !== 'GET'), []);
      // Its connector back, and the records forgotten (as on another machine): the file's list is enough.
      await sandbox.call('POST', `${P}/connectorGroups/${state.groups.find((g) => g.name === 'EU Frankfurt')!.id}/members/$ref`, { body: { '@odata.id': `${sandbox.url}${P}/connectors/${fra1.id}` } });
      await api.services.failedOver.set('sandbox', []);
      await vscode.commands.executeCommand('connectorGroups.refresh');
      await api.services.tree.settledChildren(await sandboxTenantNode(api));
      prompts = await script();
      const back = await vscode.commands.executeCommand<{ steps: PlanStep[] }>('connectorGroups.failBack', (await groupItem(api, 'EU Frankfurt')).node);
      assert.deepEqual(back?.steps.map(assigned), [`EU Frankfurt ← ${[...FRANKFURT_APPS].sort().join(', ')}`]);
    });
  });
});
