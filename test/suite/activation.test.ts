import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, sandboxClient } from './harness';

describe('the extension in a real VS Code', () => {
  it('activates and returns its API', async () => {
    const api = await extensionApi();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.equal(typeof api.setPrompts, 'function');
  });

  it('puts its view container in the activity bar and opens it', async () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id), ['connectorGroups']);
    // The command exists only when VS Code registered the container.
    await vscode.commands.executeCommand('workbench.view.extension.connectorGroups');
  });

  it('registers every command it declares', async () => {
    const declared = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((id: string) => !registered.has(id)), []);
  });

  it('reaches the Graph sandbox through a command: the sandbox logs the call', async () => {
    const api = await extensionApi();
    const sandbox = sandboxClient();
    await vscode.commands.executeCommand('connectorGroups.openSandboxTenant');
    await sandbox.call('DELETE', '/_sandbox/requests');
    await vscode.commands.executeCommand('connectorGroups.refresh');
    const tenant = api.services.tree.tenantNode('sandbox')!;
    const json = await vscode.commands.executeCommand<string>('connectorGroups.exportJson', tenant);
    const exported = JSON.parse(json);
    assert.equal(exported.organization.id, (await sandbox.state()).organization.id);
    const log = await sandbox.settledRequests();
    assert.ok(log.some((e) => e.method === 'GET' && e.url.includes('/connectorGroups')), JSON.stringify(log));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
