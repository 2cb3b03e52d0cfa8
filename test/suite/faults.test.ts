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

  it('says which create was not made when its duplicate-name lookup meets a busy Graph, with Cancel while it retries', async () => {
    const api = await extensionApi();
    await shown(api, await sandboxTenantNode(api));
    await sandbox.faults([{ method: 'GET', path: '*/connectorGroups', status: 503 }]);
    const prompts = await script('Busy Name');
    prompts.cancelSlowWorkAfter = 1;
    assert.equal(await vscode.commands.executeCommand('connectorGroups.createGroup'), undefined);
    prompts.assertDone();
    assert.deepEqual(prompts.slow.map((n) => [n.title, n.messages, n.closed]),
      [['Microsoft Graph is slow to answer', ['Graph is busy (HTTP 503): retry 1 of 5'], true]]);
    assert.deepEqual(prompts.errors, ["'Busy Name' was not created: Cancelled before Microsoft Graph answered."]);
    const lookups = async () => (await sandbox.settledRequests()).filter((e) => e.method === 'GET' && e.url.includes('$filter')).length;
    const sent = await lookups();
    assert.ok(sent >= 1 && sent <= 2, `the lookup was sent, and at most retried once before the cancel: ${sent}`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(await lookups(), sent, 'nothing is sent after the cancel');
    assert.equal((await sandbox.state()).groups.filter((g) => g.name === 'Busy Name').length, 0);
  });

  it('says which group was not renamed when Graph does not answer its duplicate-name lookup, not only which request failed', async () => {
    const api = await extensionApi();
    const node = (await groupItem(api, 'India Pune')).node;
    await sandbox.faults([{ method: 'GET', path: '*/connectorGroups', drop: true }]);
    const prompts = await script('Pune West');
    await vscode.commands.executeCommand('connectorGroups.renameGroup', node);
    prompts.assertDone();
    assert.equal(prompts.errors.length, 1);
    assert.match(prompts.errors[0], /^'India Pune' was not renamed: No answer from Microsoft Graph for GET /);
    assert.deepEqual(prompts.slow[0]?.messages, ['No answer from Graph: retry 1 of 3', 'No answer from Graph: retry 2 of 3', 'No answer from Graph: retry 3 of 3']);
    assert.ok((await sandbox.state()).groups.some((g) => g.name === 'India Pune'));
  });

  it('says while a refresh retries that Graph is busy, and closes the notice once the tenant is read', async () => {
    const api = await extensionApi();
    await shown(api, await sandboxTenantNode(api));
    await sandbox.faults([{ method: 'GET', path: '*/connectorGroups', status: 503, times: 2 }]);
    const prompts = await script();
    await vscode.commands.executeCommand('connectorGroups.refresh');
    assert.deepEqual(prompts.slow.map((n) => [n.messages, n.closed]),
      [[['Graph is busy (HTTP 503): retry 1 of 5', 'Graph is busy (HTTP 503): retry 2 of 5'], true]]);
    assert.deepEqual(prompts.errors, []);
    assert.ok((await shown(api, await sandboxTenantNode(api))).some((g) => g.label === 'India Pune'));
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
