import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, freshStart, groupItem, pickLabel, sandboxClient, sandboxTenantNode, script, shown } from './harness';

describe('commands under faults: lost answers found out, nothing doubled', () => {
  const sandbox = sandboxClient();

  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  it('reads back a create whose answer was lost, says it was created, and warns before a second one', async () => {
    const api = await extensionApi();
    await shown(api, await sandboxTenantNode(api));
    await sandbox.faults([{ method: 'POST', path: 'connectorGroups$', drop: true, after: true, times: 1 }]);
    const prompts = await script('Lost Answer', pickLabel('Default region'));
    const created = await vscode.commands.executeCommand<{ id: string }>('connectorGroups.createGroup');
    prompts.assertDone();
    assert.deepEqual(prompts.errors, []);
    assert.match(prompts.infos.join(' '), /answer was lost, but reading back shows that 'Lost Answer' was created/);
    const made = (await sandbox.state()).groups.filter((g) => g.name === 'Lost Answer');
    assert.equal(made.length, 1);
    assert.equal(created?.id, made[0].id);
    await groupItem(api, 'Lost Answer');
    // Trying again is warned about, because the service (not a stale tree) is asked.
    const again = await script('Lost Answer', false);
    await vscode.commands.executeCommand('connectorGroups.createGroup');
    again.assertDone();
    assert.match(again.asked[1], /already exists/);
    assert.equal((await sandbox.state()).groups.filter((g) => g.name === 'Lost Answer').length, 1);
  });

  it('says a create was not made when the read-back does not find it', async () => {
    await sandbox.faults([{ method: 'POST', path: 'connectorGroups$', status: 503, times: 1 }]);
    const prompts = await script('Never Made', pickLabel('Default region'));
    assert.equal(await vscode.commands.executeCommand('connectorGroups.createGroup'), undefined);
    assert.match(prompts.errors[0] ?? '', /Reading back shows it was not done/);
    assert.equal((await sandbox.state()).groups.filter((g) => g.name === 'Never Made').length, 0);
  });

  it('takes a 404 on the repeated delete as done and drops the group from the tree', async () => {
    const api = await extensionApi();
    const node = (await groupItem(api, 'India Pune')).node;
    await sandbox.faults([{ method: 'DELETE', path: 'connectorGroups/', status: 503, after: true, times: 1 }]);
    const prompts = await script(true);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.deleteGroup', node), true);
    assert.deepEqual(prompts.errors, []);
    assert.ok(!(await sandbox.state()).groups.some((g) => g.id === node.group.id));
    assert.ok(!(await shown(api, await sandboxTenantNode(api))).some((g) => g.label === 'India Pune'));
  });

  it('keeps the connectors that moved when one of a batch fails, and names both', async () => {
    const api = await extensionApi();
    const [folder] = await shown(api, (await groupItem(api, 'EU Frankfurt')).node);
    const connectors = (await shown(api, folder.node)).slice(0, 2);
    await sandbox.faults([{ method: 'POST', path: 'members/$ref', status: 500, times: 1 }]);
    const prompts = await script(pickLabel('Default'));
    await vscode.commands.executeCommand('connectorGroups.moveConnector', connectors[0].node, connectors.map((c) => c.node));
    const state = await sandbox.state();
    const home = state.groups.find((g) => g.isDefault)!;
    const moved = connectors.filter((c) => home.members.includes(c.node.connector.id));
    assert.equal(moved.length, 1);
    const stayed = connectors.find((c) => !moved.includes(c))!;
    assert.match(prompts.errors[0] ?? '', new RegExp(`Moved to Default: ${moved[0].label}\\. Not moved: ${stayed.label}\\.`));
    const [homeConnectors] = await shown(api, (await groupItem(api, 'Default')).node);
    assert.ok((await shown(api, homeConnectors.node)).some((c) => c.label === moved[0].label), 'the tree shows the one that moved');
  });
});
