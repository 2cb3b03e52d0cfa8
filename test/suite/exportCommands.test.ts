import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, freshStart, groupItem, sandboxClient, sandboxTenantNode, script, shown } from './harness';

describe('commands: export as JSON, copy id, open in the admin center', () => {
  const sandbox = sandboxClient();

  beforeEach(async () => freshStart(await extensionApi(), sandbox));
  afterEach(async () => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('exports the tenant with every group, its members and applications, into a JSON editor tab', async () => {
    const api = await extensionApi();
    const json = await vscode.commands.executeCommand<string>('connectorGroups.exportJson', await sandboxTenantNode(api));
    const exported = JSON.parse(json);
    const state = await sandbox.state();
    assert.equal(exported.connectorGroups.length, state.groups.length);
    const eu = exported.connectorGroups.find((g: { name: string }) => g.name === 'EU Frankfurt');
    assert.deepEqual(eu.members.map((c: { id: string }) => c.id).sort(), (await sandbox.group('EU Frankfurt')).members.sort());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.languageId, 'json');
    assert.equal(editor?.document.getText(), json);
    // Named after the tenant and the day, read-only, so closing it asks nothing.
    assert.equal(editor?.document.uri.scheme, 'connector-groups-export');
    // An earlier export of the same tenant today makes this one " (2)".
    assert.match(editor?.document.uri.path ?? '', new RegExp(`^/Contoso \\(sandbox\\) – ${new Date().toISOString().slice(0, 10)}( \\(\\d+\\))?\\.json$`));
    assert.equal(editor?.document.isDirty, false);
    assert.ok(!json.includes(sandbox.token.split('.')[2]), 'no token in the export');
  });

  it('saves an export where the user says, as the same JSON', async () => {
    const api = await extensionApi();
    const eu = await groupItem(api, 'EU Frankfurt');
    const json = await vscode.commands.executeCommand<string>('connectorGroups.exportJson', eu.node);
    assert.match(vscode.window.activeTextEditor!.document.uri.path, /^\/Contoso \(sandbox\) – EU Frankfurt – \d{4}-\d{2}-\d{2}( \(\d+\))?\.json$/);
    const file = path.join(os.tmpdir(), `export-${Date.now()}.json`);
    const prompts = await script(file);
    const saved = await vscode.commands.executeCommand<vscode.Uri>('connectorGroups.saveExport');
    prompts.assertDone();
    assert.equal(saved?.fsPath, file);
    assert.equal(readFileSync(file, 'utf8'), json);
    rmSync(file, { force: true });
  });

  it("exports a group, a connector and an application in Graph's shape", async () => {
    const api = await extensionApi();
    const eu = await groupItem(api, 'EU Frankfurt');
    const group = JSON.parse(await vscode.commands.executeCommand<string>('connectorGroups.exportJson', eu.node));
    assert.deepEqual(Object.keys(group).sort(), ['applications', 'connectorGroupType', 'id', 'isDefault', 'members', 'name', 'region']);
    const [connectorsFolder, appsFolder] = await shown(api, eu.node);
    const [connector] = await shown(api, connectorsFolder.node);
    const exportedConnector = JSON.parse(await vscode.commands.executeCommand<string>('connectorGroups.exportJson', connector.node));
    assert.equal(exportedConnector.memberOf[0].id, eu.node.group.id);
    assert.equal(exportedConnector.machineName, connector.label);
    const [app] = await shown(api, appsFolder.node);
    const exportedApp = JSON.parse(await vscode.commands.executeCommand<string>('connectorGroups.exportJson', app.node));
    assert.equal(exportedApp.connectorGroup.id, eu.node.group.id);
    assert.ok(exportedApp.onPremisesPublishing.externalUrl);
  });

  it('copies the id of a node to the clipboard', async () => {
    const api = await extensionApi();
    const prompts = await script();
    const eu = await groupItem(api, 'EU Frankfurt');
    for (let i = 0; i < 3; i++) assert.equal(await vscode.commands.executeCommand('connectorGroups.copyId', eu.node), eu.node.group.id);
    assert.equal(await vscode.env.clipboard.readText(), eu.node.group.id);
    // A word in the status bar each time, never a stack of toasts.
    assert.deepEqual(prompts.infos, []);
    assert.equal(prompts.statuses.length, 3);
    assert.match(prompts.statuses[0], new RegExp(`Copied ${eu.node.group.id}`));
  });

  it('opens the admin center at the item, in the right tenant', async () => {
    const api = await extensionApi();
    const prompts = await script();
    const eu = await groupItem(api, 'EU Frankfurt');
    const [, appsFolder] = await shown(api, eu.node);
    const [app] = await shown(api, appsFolder.node);
    const url = await vscode.commands.executeCommand<string>('connectorGroups.openInPortal', app.node);
    const tenantId = (await sandbox.state()).organization.id;
    assert.equal(url, `https://entra.microsoft.com/${tenantId}#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/AppProxy/appId/${app.node.application.appId}`);
    assert.deepEqual(prompts.opened, [url]);
  });
});
