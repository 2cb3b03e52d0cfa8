import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, freshStart, groupItem, pickLabel, pickLabels, sandboxClient, script, shown } from './harness';

describe('commands: move connectors, assign and unassign applications', () => {
  const sandbox = sandboxClient();

  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  async function connectorNodes(groupName: string) {
    const api = await extensionApi();
    const [folder] = await shown(api, (await groupItem(api, groupName)).node);
    return shown(api, folder.node);
  }

  async function applicationNodes(groupName: string) {
    const api = await extensionApi();
    const [, folder] = await shown(api, (await groupItem(api, groupName)).node);
    return shown(api, folder.node);
  }

  it('moves a connector from the tree and refreshes both groups', async () => {
    const [connector] = await connectorNodes('EU Frankfurt');
    const prompts = await script(pickLabel('Default'));
    assert.equal(await vscode.commands.executeCommand('connectorGroups.moveConnector', connector.node), 1);
    prompts.assertDone();
    assert.ok((await sandbox.group('Default')).members.includes(connector.node.connector.id));
    assert.equal((await groupItem(await extensionApi(), 'EU Frankfurt')).description, 'Europe · 2 connectors · 3 apps');
    assert.ok((await connectorNodes('Default')).some((c) => c.label === connector.label));
  });

  it('moves a multi-selection in one $batch round trip', async () => {
    const connectors = await connectorNodes('EU Frankfurt');
    await script(pickLabel('Default'), 'Move Anyway');
    await sandbox.call('DELETE', '/_sandbox/requests');
    await vscode.commands.executeCommand('connectorGroups.moveConnector', connectors[0].node, connectors.map((c) => c.node));
    assert.equal((await sandbox.group('EU Frankfurt')).members.length, 0);
    const outer = (await sandbox.settledRequests()).filter((e) => !e.batchRequestId && e.method !== 'GET');
    assert.deepEqual(outer.map((e) => e.url), ['/beta/$batch']);
  });

  it('moves connectors picked from the palette', async () => {
    await script(pickLabels('SIN-APPPROXY-01.contoso.com'), pickLabel('Default'), 'Move Anyway');
    await vscode.commands.executeCommand('connectorGroups.moveConnector');
    assert.equal((await sandbox.group('Asia Singapore')).members.length, 0);
  });

  it('explains the region rule as information, keeps the picker open, and makes no call when it forbids the move', async () => {
    const [connector] = await connectorNodes('EU Frankfurt');
    // Enter on the refused row, then Escape.
    const prompts = await script(pickLabel('Asia Singapore'), undefined);
    await sandbox.call('DELETE', '/_sandbox/requests');
    await vscode.commands.executeCommand('connectorGroups.moveConnector', connector.node);
    prompts.assertDone();
    assert.deepEqual(prompts.refusedPicks, ['Asia Singapore']);
    assert.match(prompts.infos[0], /only from a group in the default region \(North America\), and 'EU Frankfurt' is in Europe\./);
    assert.deepEqual(prompts.errors, [], 'nothing was sent: no error, no Show Log');
    assert.deepEqual((await sandbox.settledRequests()).filter((e) => e.method !== 'GET'), []);
  });

  it('drops connectors and applications onto a group node to move and assign them', async () => {
    const api = await extensionApi();
    const [connector] = await connectorNodes('Default');
    const [app] = await applicationNodes('Default');
    const target = (await groupItem(api, 'EU Frankfurt')).node;
    const transfer = new vscode.DataTransfer();
    const token = new vscode.CancellationTokenSource().token;
    await api.dragAndDrop.handleDrag!([connector.node, app.node], transfer, token);
    await api.dragAndDrop.handleDrop!(target, transfer, token);
    const eu = await sandbox.group('EU Frankfurt');
    assert.ok(eu.members.includes(connector.node.connector.id));
    assert.ok(eu.applications.includes(app.node.application.id));
    assert.equal((await groupItem(api, 'EU Frankfurt')).description, 'Europe · 4 connectors · 4 apps');
  });

  it("moves connectors picked into a group from its Connectors folder's menu", async () => {
    const api = await extensionApi();
    const [connectorsFolder] = await shown(api, (await groupItem(api, 'India Pune')).node);
    const prompts = await script(pickLabels('NYC-APPPROXY-01.contoso.com'));
    assert.equal(await vscode.commands.executeCommand('connectorGroups.moveConnectorsHere', connectorsFolder.node), 1);
    prompts.assertDone();
    assert.equal((await sandbox.group('India Pune')).members.length, 1);
    assert.match((await groupItem(api, 'India Pune')).description, /1 connector ·/);
  });

  it('marks the connectors the region rule keeps out of Move Connectors Here…: the reason once above them, a short line each, and a refused one cannot be taken', async () => {
    const api = await extensionApi();
    const [connectorsFolder] = await shown(api, (await groupItem(api, 'India Pune')).node);
    let offered: vscode.QuickPickItem[] = [];
    const prompts = await script((items) => {
      offered = [...items];
      return items.filter((i) => i.label === 'NYC-APPPROXY-02.contoso.com' || i.label === 'FRA-APPPROXY-01.contoso.com');
    }, pickLabels('NYC-APPPROXY-02.contoso.com'));
    await vscode.commands.executeCommand('connectorGroups.moveConnectorsHere', connectorsFolder.node);
    prompts.assertDone();
    const separator = offered.findIndex((i) => i.kind === vscode.QuickPickItemKind.Separator);
    assert.equal(offered[separator]?.label, 'Cannot move here: a region-optimised group takes connectors only from the default region (North America)');
    assert.deepEqual(offered.slice(0, separator).map((i) => i.label), ['NYC-APPPROXY-01.contoso.com', 'NYC-APPPROXY-02.contoso.com', 'SEA-APPPROXY-01.contoso.com']);
    const fra = offered.find((i) => i.label === 'FRA-APPPROXY-01.contoso.com')!;
    assert.ok(offered.indexOf(fra) > separator);
    assert.equal(fra.detail, 'from Europe, not the default region');
    assert.deepEqual(prompts.refusedPicks, ['FRA-APPPROXY-01.contoso.com']);
    assert.match(prompts.infos[0], /only from a group in the default region \(North America\), and 'EU Frankfurt' is in Europe\.$/);
    const pune = await sandbox.group('India Pune');
    const nyc2 = (await sandbox.state()).connectors.find((c) => c.machineName === 'NYC-APPPROXY-02.contoso.com')!;
    assert.deepEqual(pune.members, [nyc2.id]);
    assert.equal((await sandbox.group('EU Frankfurt')).members.length, 3);
  });

  it('moves the others of a mixed drop, naming the connector the region rule kept where it was', async () => {
    const api = await extensionApi();
    const nyc2 = (await connectorNodes('Default')).find((c) => c.label === 'NYC-APPPROXY-02.contoso.com')!;
    const fra = (await connectorNodes('EU Frankfurt')).find((c) => c.label === 'FRA-APPPROXY-01.contoso.com')!;
    const prompts = await script();
    const transfer = new vscode.DataTransfer();
    const token = new vscode.CancellationTokenSource().token;
    await api.dragAndDrop.handleDrag!([nyc2.node, fra.node], transfer, token);
    await api.dragAndDrop.handleDrop!((await groupItem(api, 'India Pune')).node, transfer, token);
    assert.deepEqual((await sandbox.group('India Pune')).members, [nyc2.node.connector.id], 'the eligible connector moved, the refused one did not');
    assert.equal((await sandbox.group('EU Frankfurt')).members.length, 3);
    assert.equal(prompts.errors.length, 1);
    assert.match(prompts.errors[0], /^Moved to India Pune: NYC-APPPROXY-02\.contoso\.com\. FRA-APPPROXY-01\.contoso\.com cannot be moved: /);
  });

  it("assigns applications from a group's Applications folder, and moves one application from its own menu", async () => {
    const api = await extensionApi();
    const [, appsFolder] = await shown(api, (await groupItem(api, 'India Pune')).node);
    await script(pickLabels('Wiki'), 'Assign Anyway');
    assert.equal(await vscode.commands.executeCommand('connectorGroups.assignApplications', appsFolder.node), 1);
    const [wiki] = await applicationNodes('India Pune');
    const prompts = await script(pickLabel('Asia Singapore'));
    assert.equal(await vscode.commands.executeCommand('connectorGroups.moveApplication', wiki.node), 1);
    prompts.assertDone();
    assert.ok(!prompts.asked[0].includes('India Pune'));
    const state = await sandbox.state();
    assert.equal(state.applications.find((a) => a.id === wiki.node.application.id)?.groupId, (await sandbox.group('Asia Singapore')).id);
  });

  it('says why the default group cannot be deleted, from its own menu, and sends nothing', async () => {
    const api = await extensionApi();
    const home = (await groupItem(api, 'Default')).node;
    await sandbox.call('DELETE', '/_sandbox/requests');
    const prompts = await script();
    await vscode.commands.executeCommand('connectorGroups.deleteGroup', home);
    assert.match(prompts.errors[0] ?? '', /default connector group and cannot be deleted/);
    assert.deepEqual((await sandbox.settledRequests()).filter((e) => e.method !== 'GET'), []);
  });

  it('assigns applications picked from other groups, in one round trip', async () => {
    const api = await extensionApi();
    const target = (await groupItem(api, 'India Pune')).node;
    const prompts = await script(pickLabels('Wiki', 'Ticketing'), 'Assign Anyway');
    await sandbox.call('DELETE', '/_sandbox/requests');
    assert.equal(await vscode.commands.executeCommand('connectorGroups.assignApplications', target), 2);
    prompts.assertDone();
    const state = await sandbox.state();
    const names = (await sandbox.group('India Pune')).applications.map((id) => state.applications.find((a) => a.id === id)!.displayName);
    assert.deepEqual(names.sort(), ['Ticketing', 'Wiki']);
    assert.deepEqual((await sandbox.settledRequests()).filter((e) => !e.batchRequestId && e.method !== 'GET').map((e) => e.url), ['/beta/$batch']);
    assert.equal((await groupItem(api, 'India Pune')).description, 'no active connector · India · 0 connectors · 2 apps');
  });

  it('unassigns an application: it returns to the default group', async () => {
    const [app] = await applicationNodes('EU Frankfurt');
    assert.equal(app.contextValue, 'application;appProxy');
    assert.equal(await vscode.commands.executeCommand('connectorGroups.unassignApplication', app.node), true);
    assert.ok((await sandbox.group('Default')).applications.includes(app.node.application.id));
    assert.ok((await applicationNodes('Default')).some((a) => a.label === app.label && a.contextValue === 'application;appProxy;inDefault'));
  });

  it('reports a failed Graph call and leaves the tree as it was', async () => {
    const [connector] = await connectorNodes('EU Frankfurt');
    await sandbox.faults([{ method: 'POST', path: 'members', status: 503, retryAfterSeconds: 0, times: 10 }]);
    const prompts = await script(pickLabel('Default'));
    await vscode.commands.executeCommand('connectorGroups.moveConnector', connector.node);
    assert.match(prompts.errors[0], /HTTP 503/);
    assert.equal((await groupItem(await extensionApi(), 'EU Frankfurt')).description, 'Europe · 3 connectors · 3 apps');
  });
});
