import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, freshStart, groupItem, pickLabel, pickLabels, sandboxClient, script, shown } from './harness';

describe('warnings before applications are cut off, and pickers that say which groups can take what', () => {
  const sandbox = sandboxClient();

  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  async function items(groupName: string, folder: 0 | 1) {
    const api = await extensionApi();
    const folders = await shown(api, (await groupItem(api, groupName)).node);
    return shown(api, folders[folder].node);
  }

  const writes = async () => (await sandbox.settledRequests()).filter((e) => e.method !== 'GET');

  it("warns before a group's last active connector leaves, and a dismissed warning sends nothing", async () => {
    const [connector] = await items('Asia Singapore', 0);
    const prompts = await script(pickLabel('Default'), undefined);
    await sandbox.call('DELETE', '/_sandbox/requests');
    await vscode.commands.executeCommand('connectorGroups.moveConnector', connector.node);
    prompts.assertDone();
    assert.equal(prompts.asked[1], "choose: Warehouse Dashboard and Ticketing will have no active connector in 'Asia Singapore'.");
    assert.deepEqual(await writes(), []);
    assert.equal((await sandbox.group('Asia Singapore')).members.length, 1);
  });

  it("keeps the connectors where they are by default when the damage is in the group they leave: no other group is offered", async () => {
    const [connector] = await items('Asia Singapore', 0);
    const prompts = await script(pickLabel('Default'), 'Keep Them Where They Are');
    await sandbox.call('DELETE', '/_sandbox/requests');
    await vscode.commands.executeCommand('connectorGroups.moveConnector', connector.node);
    prompts.assertDone();
    assert.deepEqual(prompts.choices, [['Keep Them Where They Are', 'Move Anyway']]);
    assert.deepEqual(prompts.errors, []);
    assert.deepEqual(await writes(), []);
    assert.equal((await sandbox.group('Asia Singapore')).members.length, 1);
  });

  it('offers another group after a drag without the group the applications are already in', async () => {
    const api = await extensionApi();
    const [wiki] = (await items('EU Frankfurt', 1)).filter((a) => a.label === 'Wiki');
    const target = (await groupItem(api, 'India Pune')).node;
    const transfer = new vscode.DataTransfer();
    const token = new vscode.CancellationTokenSource().token;
    await api.dragAndDrop.handleDrag!([wiki.node], transfer, token);
    let offered: string[] = [];
    const prompts = await script('Choose Another Group', (picks) => { offered = picks.map((i) => i.label); return undefined; });
    await api.dragAndDrop.handleDrop!(target, transfer, token);
    prompts.assertDone();
    assert.deepEqual(prompts.choices, [['Choose Another Group', 'Assign Anyway']]);
    assert.ok(offered.length > 0);
    assert.ok(!offered.includes('EU Frankfurt'), `the group Wiki is in is not offered: ${offered.join(', ')}`);
    assert.ok(!offered.includes('India Pune'), 'the group turned down is not offered again');
  });

  it('warns before assigning applications to a group with no active connector; Choose Another Group picks again', async () => {
    const api = await extensionApi();
    const target = (await groupItem(api, 'India Pune')).node;
    const inDefault = (await sandbox.group('Default')).applications.length;
    let offered: string[] = [];
    const prompts = await script(pickLabels('Wiki', 'SAP Fiori'), 'Choose Another Group', (picks) => {
      offered = picks.map((i) => i.label);
      return picks.find((i) => i.label === 'Default');
    });
    assert.equal(await vscode.commands.executeCommand('connectorGroups.assignApplications', target), 2);
    prompts.assertDone();
    assert.equal(prompts.asked[1], "choose: SAP Fiori and Wiki will have no active connector in 'India Pune'.");
    assert.ok(!offered.includes('India Pune'), 'the group turned down is not offered again');
    assert.ok(!offered.includes('EU Frankfurt'), 'the group the applications are in is not offered');
    assert.equal(offered[0], 'Default', 'the groups with the most active connectors first');
    assert.equal((await sandbox.group('Default')).applications.length, inDefault + 2, 'Wiki and SAP Fiori went to Default');
    assert.equal((await sandbox.group('India Pune')).applications.length, 0);
  });

  it('goes on when the admin says so', async () => {
    const [wiki] = (await items('EU Frankfurt', 1)).filter((a) => a.label === 'Wiki');
    const prompts = await script(pickLabel('Australia Sydney'), 'Assign Anyway');
    assert.equal(await vscode.commands.executeCommand('connectorGroups.moveApplication', wiki.node), 1);
    prompts.assertDone();
    assert.equal((await sandbox.group('Australia Sydney')).applications.length, 2);
  });

  it('warns about a drop too, without a picker in between', async () => {
    const api = await extensionApi();
    const [connector] = await items('Asia Singapore', 0);
    const target = (await groupItem(api, 'Default')).node;
    const transfer = new vscode.DataTransfer();
    const token = new vscode.CancellationTokenSource().token;
    await api.dragAndDrop.handleDrag!([connector.node], transfer, token);
    const prompts = await script(undefined);
    await api.dragAndDrop.handleDrop!(target, transfer, token);
    prompts.assertDone();
    assert.match(prompts.asked[0], /^choose: Warehouse Dashboard and Ticketing will have no active connector/);
    assert.equal((await sandbox.group('Asia Singapore')).members.length, 1);
  });

  it('lists the groups that need connectors first, and those the region rule refuses apart with the reason', async () => {
    const [fromDefault] = await items('Default', 0);
    let offered: vscode.QuickPickItem[] = [];
    await script((picks) => { offered = [...picks]; return undefined; });
    await vscode.commands.executeCommand('connectorGroups.moveConnector', fromDefault.node);
    assert.deepEqual(offered.map((i) => i.label), ['Australia Sydney', 'Asia Singapore', 'Tokyo (legacy)', 'EU Frankfurt', 'India Pune']);
    assert.match(offered[0].description ?? '', /^no active connector · Australia · 2 connectors · 1 app$/);

    const [fromEurope] = await items('EU Frankfurt', 0);
    await script((picks) => { offered = [...picks]; return undefined; });
    await vscode.commands.executeCommand('connectorGroups.moveConnector', fromEurope.node);
    const separator = offered.findIndex((i) => i.kind === vscode.QuickPickItemKind.Separator);
    assert.deepEqual(offered.slice(0, separator).map((i) => i.label), ['Default']);
    assert.equal(offered[separator].label, 'Cannot take them: a region-optimised group takes connectors only from the default region (North America)');
    const refused = offered.slice(separator + 1);
    assert.deepEqual(refused.map((i) => i.label).sort(), ['Asia Singapore', 'Australia Sydney', 'India Pune', 'Tokyo (legacy)']);
    assert.deepEqual(refused.map((i) => i.detail).sort(), ['region-optimised: Asia', 'region-optimised: Australia', 'region-optimised: India', 'region-optimised: japan'].sort());
  });

  it('says in the delete confirmation which applications will have no active connector, and lets another group be chosen', async () => {
    const api = await extensionApi();
    const groups = '/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
    const staging = (await sandbox.call('POST', groups, { body: { name: 'Staging', region: 'nam' } })).body;
    const fieldService = (await sandbox.state()).applications.find((a) => a.displayName === 'Field Service')!;
    await sandbox.call('PUT', `/beta/applications/${fieldService.id}/connectorGroup/$ref`,
      { body: { '@odata.id': `${sandbox.url}${groups}/${staging.id}` } });
    await vscode.commands.executeCommand('connectorGroups.refresh');
    const node = (await groupItem(api, 'Staging')).node;
    const prompts = await script(pickLabel('India Pune'), 'Choose Another Group', pickLabel('Default'), 'Move and Delete');
    const details: string[] = [];
    const choose = prompts.choose.bind(prompts);
    prompts.choose = async (message, detail, actions) => { details.push(detail); return choose(message, detail, actions); };
    assert.equal(await vscode.commands.executeCommand('connectorGroups.deleteGroup', node), true);
    prompts.assertDone();
    assert.equal(prompts.asked[1], "choose: Move 0 connectors and 1 application to 'India Pune', then delete 'Staging'?");
    assert.match(details[0], /^Field Service will have no active connector in 'India Pune'\. /);
    assert.doesNotMatch(details[1], /no active connector/);
    assert.ok((await sandbox.group('Default')).applications.includes(fieldService.id));
    assert.ok(!(await sandbox.state()).groups.some((g) => g.name === 'Staging'));
  });
});
