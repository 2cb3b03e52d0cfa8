import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, freshStart, groupItem, sandboxClient, script, webviewTabs, webviewTabsUntil } from './harness';

const regionFormTabs = () => webviewTabs('connectorGroups.regionForm');
const tabsUntil = (predicate: (labels: string[]) => boolean) => webviewTabsUntil('connectorGroups.regionForm', predicate);

describe('commands: the region form', () => {
  const sandbox = sandboxClient();

  beforeEach(async () => freshStart(await extensionApi(), sandbox));
  afterEach(async () => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens one panel per group, and reuses it when opened again', async () => {
    const api = await extensionApi();
    const pune = (await groupItem(api, 'India Pune')).node;
    await vscode.commands.executeCommand('connectorGroups.editRegion', pune);
    await vscode.commands.executeCommand('connectorGroups.editRegion', pune);
    await vscode.commands.executeCommand('connectorGroups.editRegion', (await groupItem(api, 'EU Frankfurt')).node);
    // Tab events arrive in order: once Frankfurt's is in, a second Pune tab would be too.
    const tabs = await tabsUntil((labels) => labels.includes('Region: EU Frankfurt'));
    assert.deepEqual(tabs, ['Region: EU Frankfurt', 'Region: India Pune']);
  });

  it('asks for the group when run from the palette', async () => {
    const prompts = await script('Asia Singapore');
    await vscode.commands.executeCommand('connectorGroups.editRegion');
    prompts.assertDone();
    assert.deepEqual(await tabsUntil((labels) => labels.length > 0), ['Region: Asia Singapore']);
  });

  it('opens nothing for a group of another hybrid agent, and says why', async () => {
    const api = await extensionApi();
    const prompts = await script();
    const other = (await groupItem(api, 'Other hybrid agents')).node;
    const [syncFabric] = await api.services.tree.settledChildren(other);
    await vscode.commands.executeCommand('connectorGroups.editRegion', syncFabric);
    assert.deepEqual(regionFormTabs(), []);
    assert.match(prompts.errors.join('\n'), /another hybrid agent/);
  });

  it("follows the group's name in the tab title when it is renamed", async () => {
    const api = await extensionApi();
    const pune = (await groupItem(api, 'India Pune')).node;
    await vscode.commands.executeCommand('connectorGroups.editRegion', pune);
    await tabsUntil((labels) => labels.includes('Region: India Pune'));
    await script('Pune West');
    await vscode.commands.executeCommand('connectorGroups.renameGroup', pune);
    assert.deepEqual(await tabsUntil((labels) => labels.includes('Region: Pune West')), ['Region: Pune West']);
  });

  it("closes a tenant's forms when the tenant is removed, and the tree goes on changing without them", async () => {
    const api = await extensionApi();
    const pune = (await groupItem(api, 'India Pune')).node;
    await vscode.commands.executeCommand('connectorGroups.editRegion', pune);
    await tabsUntil((labels) => labels.includes('Region: India Pune'));
    await vscode.commands.executeCommand('connectorGroups.removeTenant', pune.tenantNode);
    assert.deepEqual(await tabsUntil((labels) => labels.length === 0), []);
    // A tree change after the removal (the tenant opened again) reaches no form left behind.
    const errors: unknown[] = [];
    const listen = (error: unknown) => errors.push(error);
    process.on('uncaughtException', listen);
    try {
      await groupItem(api, 'India Pune');
    } finally {
      process.off('uncaughtException', listen);
    }
    assert.deepEqual(errors, []);
  });
});
