import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PollResult } from '../../src/commands/connectorWatch';
import type { Connector, ConnectorGroupWithContents } from '../../src/graph/types';
import type { TimelineView } from '../../src/watch/timelineMessages';
import { extensionApi, freshStart, groupItem, sandboxClient, sandboxTenantNode, script, shown, webviewTabsUntil } from './harness';

describe('connector watch: a change in the sandbox is one notice, said against the applications it puts at risk', function () {
  this.timeout(60_000);
  const sandbox = sandboxClient();
  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  async function setStatus(machineName: string, status: 'active' | 'inactive'): Promise<void> {
    const connector = (await sandbox.state()).connectors.find((c) => c.machineName.startsWith(machineName))!;
    const answer = await sandbox.call('PATCH', `/_sandbox/connectors/${connector.id}`, { body: { status } });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  }

  async function check(): Promise<PollResult | undefined> {
    const api = await extensionApi();
    await api.services.tree.settledChildren(await sandboxTenantNode(api));
    return vscode.commands.executeCommand<PollResult>('connectorGroups.checkConnectors', await sandboxTenantNode(api));
  }

  it('says nothing changed, then one grouped warning for two connectors, then an error with Evacuate…, reading one page each time', async () => {
    let prompts = await script();
    assert.deepEqual((await check())?.lines, []);
    assert.match(prompts.infos[0] ?? '', /No connector of 'Contoso \(sandbox\)' changed status since it was last read/);

    await setStatus('FRA-APPPROXY-02', 'inactive');
    await setStatus('FRA-APPPROXY-03', 'inactive');
    await sandbox.call('DELETE', '/_sandbox/requests');
    prompts = await script();
    const warned = await check();
    assert.equal(warned?.severity, 'warning');
    assert.deepEqual(prompts.alerts.map((a) => [a.severity, a.message, a.actions.join(', ')]), [[
      'warning',
      "Contoso (sandbox): FRA-APPPROXY-02.contoso.com and FRA-APPPROXY-03.contoso.com went inactive: 'EU Frankfurt' has one active connector left (SAP Fiori, Payroll EU and Wiki).",
      'Show, Mute This Tenant',
    ]]);
    // The poll is one read of the connectors' list (one page), never one request per connector.
    const polls = (await sandbox.settledRequests()).filter((e) => /\/connectors(\?|$)/.test(e.url) || /\/connectors\/[^/?]+(\?|$)/.test(e.url));
    assert.deepEqual(polls.map((e) => `${e.method} ${e.url.replace(/\?.*/, '')}`), ['GET /beta/onPremisesPublishingProfiles/applicationProxy/connectors']);

    // The tree says since when each is inactive, and the days before the service removes it.
    const api = await extensionApi();
    const fra2 = async () => {
      await api.services.tree.settledChildren(await sandboxTenantNode(api));
      const [connectors] = await shown(api, (await groupItem(api, 'EU Frankfurt')).node);
      return (await shown(api, connectors.node)).find((c) => c.label === 'FRA-APPPROXY-02.contoso.com');
    };
    for (let tries = 0; tries < 50 && !/since/.test(String((await fra2())?.description)); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(String((await fra2())?.description), /^inactive since \d\d:\d\d \(\d+ min\) · removed by the service in about 10 days · /);

    await setStatus('FRA-APPPROXY-01', 'inactive');
    prompts = await script();
    const down = await check();
    assert.equal(down?.severity, 'error');
    assert.deepEqual(prompts.alerts.map((a) => [a.message, a.actions.join(', ')]), [[
      "Contoso (sandbox): FRA-APPPROXY-01.contoso.com went inactive: 'EU Frankfurt' has no active connector: 3 applications unreachable (SAP Fiori, Payroll EU and Wiki).",
      'Show, Evacuate…, Mute This Tenant',
    ]]);
    // The tree catches up with what the poll saw.
    const frankfurtActive = async () => (await sandboxTenantNode(api)).contents.applicationProxyGroups()
      .find((g: ConnectorGroupWithContents) => g.name === 'EU Frankfurt')!.members.filter((m: Connector) => m.status === 'active').length;
    for (let tries = 0; tries < 50 && (await frankfurtActive()) > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await frankfurtActive(), 0);
  });

  it('keeps a muted tenant quiet, and says the change again once it is unmuted and changes again', async () => {
    const api = await extensionApi();
    await script();
    await check();
    assert.equal(await vscode.commands.executeCommand('connectorGroups.muteConnectorAlerts', await sandboxTenantNode(api)), true);
    await setStatus('SIN-APPPROXY-01', 'inactive');
    let prompts = await script();
    const quiet = await check();
    assert.equal(quiet?.muted, true);
    assert.deepEqual(prompts.alerts, []);
    assert.match(quiet?.lines[0] ?? '', /SIN-APPPROXY-01\.contoso\.com went inactive: 'Asia Singapore' has no active connector: 2 applications unreachable/);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.muteConnectorAlerts', await sandboxTenantNode(api)), false);
    await setStatus('SIN-APPPROXY-01', 'active');
    prompts = await script();
    await check();
    assert.deepEqual(prompts.alerts.map((a) => [a.severity, a.message]), [[
      'information', "Contoso (sandbox): SIN-APPPROXY-01.contoso.com is active again: 'Asia Singapore' has 1 connector active.",
    ]]);
    // Muted again, then removed: what the watch kept of the tenant goes with it.
    await vscode.commands.executeCommand('connectorGroups.muteConnectorAlerts', await sandboxTenantNode(api));
    assert.ok(api.services.watch.history.of('sandbox'));
    await vscode.commands.executeCommand('connectorGroups.removeTenant', await sandboxTenantNode(api));
    assert.equal(api.services.watch.history.of('sandbox'), undefined);
    assert.equal(api.services.watch.muted.has('sandbox'), false);
  });

  it("draws the tenant's and a group's timeline from the watch's record: each change, the outage, the applications at risk", async () => {
    const api = await extensionApi();
    const tenant = await sandboxTenantNode(api);
    await api.services.tree.settledChildren(tenant);
    await script();
    // No record yet: opening the timeline reads the connectors at once, and the record begins.
    const first = await vscode.commands.executeCommand<TimelineView | string>('connectorGroups.showTimeline', tenant);
    assert.ok(typeof first === 'object', String(first));
    assert.deepEqual(first.rows, []);
    assert.deepEqual(await webviewTabsUntil('connectorGroups.timeline', (labels) => labels.length > 0), ['Timeline: Contoso (sandbox)']);

    await setStatus('FRA-APPPROXY-02', 'inactive');
    await setStatus('FRA-APPPROXY-03', 'inactive');
    await check();
    await setStatus('FRA-APPPROXY-01', 'inactive');
    await check();
    await setStatus('FRA-APPPROXY-01', 'active');
    await check();
    const eu = (await groupItem(api, 'EU Frankfurt')).node;
    const view = await vscode.commands.executeCommand<TimelineView | string>('connectorGroups.showTimeline', eu);
    assert.ok(typeof view === 'object', String(view));
    assert.equal(view.title, 'Timeline: EU Frankfurt');
    assert.deepEqual(view.rows.map((r) => `${r.group} ${r.before}→${r.after}`), ['EU Frankfurt 3→1', 'EU Frankfurt 1→0', 'EU Frankfurt 0→1']);
    assert.deepEqual(view.series.groups.map((g) => [g.name, g.active]), [['EU Frankfurt', [3, 1, 0, 1, 1]]]);
    assert.equal(view.outages.length, 1);
    assert.equal(view.outages[0].from, view.series.times[2]);
    assert.equal(view.outages[0].to, view.series.times[3]);
    assert.deepEqual(view.applications[eu.group.id], ['SAP Fiori', 'Payroll EU', 'Wiki']);
    // The tenant's chart draws the group that changed first.
    const whole = await vscode.commands.executeCommand<TimelineView | string>('connectorGroups.showTimeline', tenant);
    assert.ok(typeof whole === 'object');
    assert.equal(whole.series.groups[0].name, 'EU Frankfurt');
    assert.deepEqual((await webviewTabsUntil('connectorGroups.timeline', (labels) => labels.length > 1)), ['Timeline: Contoso (sandbox)', 'Timeline: EU Frankfurt']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
