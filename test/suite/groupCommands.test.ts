import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, freshStart, groupItem, pickLabel, sandboxClient, sandboxTenantNode, script, shown } from './harness';

describe('commands: create, rename and delete groups', () => {
  const sandbox = sandboxClient();

  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  it('creates a group with a region from the palette, and shows it in the tree', async () => {
    const prompts = await script('  Branch Offices  ', pickLabel('Europe'));
    const created = await vscode.commands.executeCommand<{ id: string; name: string }>('connectorGroups.createGroup');
    prompts.assertDone();
    assert.equal(created?.name, 'Branch Offices');
    const inSandbox = await sandbox.group('Branch Offices');
    assert.equal(inSandbox.region, 'eur');
    assert.equal(inSandbox.id, created!.id);
    const item = await groupItem(await extensionApi(), 'Branch Offices');
    assert.equal(item.description, 'Europe · 0 connectors · 0 apps');
  });

  it('creates in the default region when none is chosen, from the tenant node', async () => {
    const api = await extensionApi();
    await script('Plain', pickLabel('Default region'));
    await vscode.commands.executeCommand('connectorGroups.createGroup', await sandboxTenantNode(api));
    assert.equal((await sandbox.group('Plain')).region, 'nam');
  });

  it('refuses an empty or overlong name in the input box and creates nothing', async () => {
    for (const name of ['   ', 'x'.repeat(257)]) {
      const before = (await sandbox.state()).groups.length;
      const prompts = await script(name);
      assert.equal(await vscode.commands.executeCommand('connectorGroups.createGroup'), undefined);
      assert.equal(prompts.validationMessages.length, 1);
      assert.equal((await sandbox.state()).groups.length, before);
    }
  });

  it('warns about a duplicate name and creates only when confirmed', async () => {
    const declined = await script('EU Frankfurt', false);
    await vscode.commands.executeCommand('connectorGroups.createGroup');
    declined.assertDone();
    assert.equal((await sandbox.state()).groups.filter((g) => g.name === 'EU Frankfurt').length, 1);
    await script('EU Frankfurt', true, pickLabel('Default region'));
    await vscode.commands.executeCommand('connectorGroups.createGroup');
    assert.equal((await sandbox.state()).groups.filter((g) => g.name === 'EU Frankfurt').length, 2);
  });

  it('quotes the existing name when the one typed differs only in case', async () => {
    const prompts = await script('eu FRANKFURT', false);
    await vscode.commands.executeCommand('connectorGroups.createGroup');
    prompts.assertDone();
    assert.equal(prompts.asked[1], "choose: A connector group named 'EU Frankfurt' already exists.");
    assert.equal((await sandbox.state()).groups.filter((g) => g.name.toLowerCase() === 'eu frankfurt').length, 1);
  });

  it('renames a group from the tree', async () => {
    const api = await extensionApi();
    const node = (await groupItem(api, 'Asia Singapore')).node;
    const prompts = await script('Asia Pacific');
    await vscode.commands.executeCommand('connectorGroups.renameGroup', node);
    prompts.assertDone();
    assert.equal((await sandbox.state()).groups.find((g) => g.id === node.group.id)?.name, 'Asia Pacific');
    await groupItem(api, 'Asia Pacific');
  });

  it("keeps showing its own rename after a refresh while Graph's replicas still answer with the old name", async () => {
    const api = await extensionApi();
    const node = (await groupItem(api, 'India Pune')).node;
    await sandbox.options({ readLagMs: 8000 });
    await script('India Mumbai');
    await vscode.commands.executeCommand('connectorGroups.renameGroup', node);
    assert.equal((await sandbox.group('India Mumbai')).id, node.group.id);
    await vscode.commands.executeCommand('connectorGroups.refresh');
    await groupItem(api, 'India Mumbai');
    const labels = (await shown(api, await sandboxTenantNode(api))).map((g) => g.label);
    assert.ok(!labels.includes('India Pune'), labels.join(', '));
  });

  it('asks before a rename to a name another group has, the safe choice first, and sends nothing when declined', async () => {
    const api = await extensionApi();
    const node = (await groupItem(api, 'India Pune')).node;
    await sandbox.call('DELETE', '/_sandbox/requests');
    const prompts = await script('EU Frankfurt', 'Choose Another Name', 'EU Frankfurt', false);
    await vscode.commands.executeCommand('connectorGroups.renameGroup', node);
    prompts.assertDone();
    assert.match(prompts.asked[1], /already exists/);
    assert.deepEqual((await sandbox.settledRequests()).filter((e) => e.method !== 'GET'), []);
    assert.equal((await sandbox.group('India Pune')).id, node.group.id);
  });

  it('renames from the palette, picking the group, in the alternate status variant', async () => {
    await sandbox.options({ variant: 'alternate' });
    await script(pickLabel('India Pune'), 'India Mumbai');
    await vscode.commands.executeCommand('connectorGroups.renameGroup');
    await sandbox.group('India Mumbai');
    await groupItem(await extensionApi(), 'India Mumbai');
  });

  describe('from the keyboard (F2, Delete): the rules of the menus', () => {
    async function select(api: Awaited<ReturnType<typeof extensionApi>>, ...nodes: unknown[]): Promise<void> {
      await api.services.treeView.reveal(nodes[0] as never, { select: true, focus: true });
      // A multi-selection is made as a person makes one: the rest added to the first.
      for (const node of nodes.slice(1)) await vscode.commands.executeCommand('list.toggleSelection', node);
      for (let i = 0; i < 50 && api.services.treeView.selection.length !== nodes.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    }

    it('F2 on a group of another hybrid agent refuses, as the menu does, and sends nothing', async () => {
      const api = await extensionApi();
      const other = (await groupItem(api, 'Other hybrid agents')).node;
      const [syncFabric] = await api.services.tree.settledChildren(other);
      await select(api, syncFabric);
      await sandbox.call('DELETE', '/_sandbox/requests');
      const prompts = await script();
      await vscode.commands.executeCommand('connectorGroups.renameGroup', { fromKeyboard: true });
      prompts.assertDone();
      assert.match(prompts.errors[0] ?? '', /'Default group for AD Sync Fabric' belongs to another hybrid agent/);
    });

    it('Delete on a Connectors folder does not offer to delete its group', async () => {
      const api = await extensionApi();
      const pune = (await groupItem(api, 'India Pune')).node;
      const [connectors] = await api.services.tree.settledChildren(pune);
      await select(api, connectors);
      const prompts = await script();
      await vscode.commands.executeCommand('connectorGroups.deleteGroup', { fromKeyboard: true });
      prompts.assertDone();
      assert.deepEqual(prompts.asked, [], 'no confirmation');
      assert.deepEqual(prompts.statuses, ['Select a connector group first.']);
      assert.ok(await sandbox.group('India Pune'));
    });

    it('F2 and Delete stay out of the tree\'s find box', () => {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { keybindings: { key: string; when: string }[] } };
      const keys = manifest.contributes.keybindings.filter((b) => ['f2', 'delete'].includes(b.key));
      assert.equal(keys.length, 2);
      for (const binding of keys) {
        assert.match(binding.when, /!inputFocus/, binding.key);
      }
    });
  });

  it('deletes an empty group after a modal confirmation', async () => {
    const api = await extensionApi();
    const node = (await groupItem(api, 'India Pune')).node;
    const prompts = await script(true);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.deleteGroup', node), true);
    assert.match(prompts.asked[0], /Delete the connector group 'India Pune'\?/);
    assert.ok(!(await sandbox.state()).groups.some((g) => g.id === node.group.id));
    const labels = (await shown(api, await sandboxTenantNode(api))).map((g) => g.label);
    assert.ok(!labels.includes('India Pune'));
    // The keyboard goes on from the next group: a row has the focus, not nothing.
    assert.equal((api.services.treeView.selection[0] as any)?.group?.name, 'Tokyo (legacy)');
  });

  it('selects the group before the last one deleted, and after a group emptied into another', async () => {
    const api = await extensionApi();
    await script(pickLabel('Default'), 'Move and Delete');
    await vscode.commands.executeCommand('connectorGroups.deleteGroup', (await groupItem(api, 'Tokyo (legacy)')).node);
    assert.equal((api.services.treeView.selection[0] as any)?.group?.name, 'India Pune');
    await script(pickLabel('Default'), 'Move and Delete');
    await vscode.commands.executeCommand('connectorGroups.deleteGroup', (await groupItem(api, 'Asia Singapore')).node);
    assert.equal((api.services.treeView.selection[0] as any)?.group?.name, 'Australia Sydney');
  });

  it('keeps the group when the confirmation is declined', async () => {
    const node = (await groupItem(await extensionApi(), 'India Pune')).node;
    await script(false);
    await vscode.commands.executeCommand('connectorGroups.deleteGroup', node);
    await sandbox.group('India Pune');
  });

  it('refuses to delete the default group with an explanation, without calling Graph', async () => {
    const node = (await groupItem(await extensionApi(), 'Default')).node;
    const prompts = await script();
    await sandbox.call('DELETE', '/_sandbox/requests');
    await vscode.commands.executeCommand('connectorGroups.deleteGroup', node);
    assert.match(prompts.errors[0], /default connector group and cannot be deleted/);
    assert.deepEqual((await sandbox.settledRequests()).filter((e) => e.method === 'DELETE'), []);
  });

  it('empties a group into another one, then deletes it', async () => {
    const api = await extensionApi();
    const node = (await groupItem(api, 'EU Frankfurt')).node;
    const members = (await sandbox.group('EU Frankfurt')).members;
    const apps = (await sandbox.group('EU Frankfurt')).applications;
    const prompts = await script(pickLabel('Default'), true);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.deleteGroup', node), true);
    prompts.assertDone();
    assert.match(prompts.asked[0], /move the 3 connectors and 3 applications of 'EU Frankfurt' to/);
    assert.match(prompts.asked[1], /Move 3 connectors and 3 applications to 'Default', then delete 'EU Frankfurt'\?/);
    const home = await sandbox.group('Default');
    assert.ok(members.every((id) => home.members.includes(id)));
    assert.ok(apps.every((id) => home.applications.includes(id)));
    assert.ok(!(await sandbox.state()).groups.some((g) => g.name === 'EU Frankfurt'));
    assert.match((await groupItem(api, 'Default')).description, new RegExp(`${home.members.length} connectors · ${home.applications.length} apps`));
  });

  it('refuses a destination the region rule forbids before any confirmation', async () => {
    const node = (await groupItem(await extensionApi(), 'EU Frankfurt')).node;
    // Enter on the refused row (the picker says why and stays), then Escape.
    const prompts = await script(pickLabel('Asia Singapore'), undefined);
    await sandbox.call('DELETE', '/_sandbox/requests');
    await vscode.commands.executeCommand('connectorGroups.deleteGroup', node);
    prompts.assertDone();
    assert.deepEqual(prompts.errors, []);
    assert.deepEqual(prompts.infos, ["A connector can join 'Asia Singapore' (Asia) only from a group in the default region (North America), and 'EU Frankfurt' is in Europe."]);
    assert.deepEqual((await sandbox.settledRequests()).filter((e) => e.method !== 'GET'), []);
    assert.equal((await sandbox.group('EU Frankfurt')).members.length, 3);
  });

  it("shows Graph's refusal with its request id when a call fails", async () => {
    const node = (await groupItem(await extensionApi(), 'India Pune')).node;
    await sandbox.faults([{ method: 'DELETE', status: 503, retryAfterSeconds: 0, times: 10 }]);
    const prompts = await script(true);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.deleteGroup', node), undefined);
    assert.match(prompts.errors[0], /temporarily unavailable.*HTTP 503 ServiceUnavailable, request id [0-9a-f-]{36}/);
    await sandbox.group('India Pune');
  });
});
