import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, freshStart, groupItem, sandboxClient, sandboxTenantNode, script, shown } from './harness';

describe('tree: tenant → connector groups → connectors / applications', () => {
  const sandbox = sandboxClient();

  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  it('remembers a group a person expands, for the next time the window opens', async () => {
    const api = await extensionApi();
    const frankfurt = await groupItem(api, 'EU Frankfurt');
    assert.equal(api.services.tree.getTreeItem(frankfurt.node).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    await api.services.treeView.reveal(frankfurt.node, { expand: true, select: false, focus: false });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(api.services.tree.getTreeItem(frankfurt.node).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  it('shows the tenant by its name with the account', async () => {
    const api = await extensionApi();
    const [tenant] = await shown(api);
    await shown(api, tenant.node);
    const item = tenant.node.treeItem() as vscode.TreeItem;
    assert.equal(item.label, 'Contoso (sandbox)');
    assert.match(String(item.description), /admin@contoso\.com/);
    assert.equal(item.contextValue, 'tenant;sandbox');
  });

  it('lists every App Proxy group with region name, counts and health in words, the default group first and marked', async () => {
    const api = await extensionApi();
    const groups = await shown(api, await sandboxTenantNode(api));
    const state = await sandbox.state();
    const appProxy = state.groups.filter((g) => g.connectorGroupType === 'applicationProxy');
    assert.deepEqual(groups.filter((g) => g.contextValue.startsWith('group;')).map((g) => g.label).sort(), appProxy.map((g) => g.name).sort());
    assert.equal(groups[0].label, 'Default');
    const home = appProxy.find((g) => g.isDefault)!;
    // Named Default, it is not called "default" again; under another name it is.
    assert.equal(groups[0].description, `North America · ${home.members.length} connectors · ${home.applications.length} apps`);
    assert.match(groups[0].contextValue, /^group;appProxy;default/);
    await sandbox.call('PATCH', `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${home.id}`, { body: { name: 'Main Site' } });
    await vscode.commands.executeCommand('connectorGroups.refresh');
    const renamed = (await shown(api, await sandboxTenantNode(api)))[0];
    assert.equal(renamed.label, 'Main Site');
    assert.match(renamed.description, /^default · North America · /);
    const eu = groups.find((g) => g.label === 'EU Frankfurt')!;
    assert.equal(eu.description, 'Europe · 3 connectors · 3 apps');
    const tip = eu.node.treeItem().tooltip.value as string;
    assert.ok(tip.replace(/\\/g, '').replace(/&nbsp;/g, ' ').includes('Region: Europe (eur)'), tip);
    assert.equal(groups.find((g) => g.label === 'Tokyo (legacy)')?.description, 'no redundancy · japan · 1 connector · 1 app', 'one is singular');
    assert.equal(groups.find((g) => g.label === 'Australia Sydney')?.description, 'no active connector · Australia · 2 connectors · 1 app');
    assert.equal(groups.find((g) => g.label === 'Asia Singapore')?.description, 'no redundancy · Asia · 1 connector · 2 apps');
  });

  it('gives every row words for a screen reader: its label, its description and a plain tooltip', async () => {
    const api = await extensionApi();
    const provider = api.services.tree;
    const tenant = await sandboxTenantNode(api);
    const rows = [tenant, ...(await provider.settledChildren(tenant))];
    const eu = rows.find((n: any) => n.group?.name === 'EU Frankfurt');
    rows.push(...(await provider.settledChildren(eu)));
    const spoken = rows.map((n: any) => provider.getTreeItem(n)).map((item) => [String(item.label), item.accessibilityInformation?.label ?? '']);
    for (const [label, words] of spoken) assert.ok(typeof words === 'string' && words.startsWith(String(label)), `${label}: ${words}`);
    const other = spoken.find(([label]) => label === 'Other hybrid agents');
    assert.match(other?.[1] ?? '', /^Other hybrid agents, 1, Groups of agents other than Application Proxy connectors/);
    assert.ok(spoken.some(([label, words]) => label === 'EU Frankfurt' && words === 'EU Frankfurt, Europe · 3 connectors · 3 apps'));
    assert.ok(spoken.some(([label, words]) => label === 'Connectors' && words === 'Connectors, 3'));
  });

  it("shows a region outside Graph's enum as it is", async () => {
    const tokyo = await groupItem(await extensionApi(), 'Tokyo (legacy)');
    assert.match(tokyo.description, / · japan · /);
  });

  it('keeps groups of other hybrid agents apart, with no App Proxy facet', async () => {
    const api = await extensionApi();
    const groups = await shown(api, await sandboxTenantNode(api));
    const other = groups.find((g) => g.contextValue === 'folder;otherAgents');
    assert.ok(other, 'an "Other hybrid agents" folder');
    const inside = await shown(api, other.node);
    assert.deepEqual(inside.map((g) => [g.label, g.contextValue]), [['Default group for AD Sync Fabric', 'group;syncFabric']]);
  });

  it('flags a group whose applications have no active connector, and one with a single active connector', async () => {
    const api = await extensionApi();
    assert.equal((await groupItem(api, 'Australia Sydney')).icon, 'error');
    assert.equal((await groupItem(api, 'Asia Singapore')).icon, 'warning');
    assert.equal((await groupItem(api, 'EU Frankfurt')).icon, 'server-environment');
    const tooltip = (await groupItem(api, 'Australia Sydney')).node.treeItem().tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /unreachable/);
  });

  it('shows connectors with status, IP and version, and applications with their URL', async () => {
    const api = await extensionApi();
    const eu = await groupItem(api, 'EU Frankfurt');
    const [connectorsFolder, appsFolder] = await shown(api, eu.node);
    assert.deepEqual([connectorsFolder.label, appsFolder.label], ['Connectors', 'Applications']);
    const connectors = await shown(api, connectorsFolder.node);
    assert.deepEqual(connectors.map((c) => c.label), ['FRA-APPPROXY-01.contoso.com', 'FRA-APPPROXY-02.contoso.com', 'FRA-APPPROXY-03.contoso.com']);
    assert.match(connectors[0].description, /^active · 203\.0\.113\.\d+ · 1\.5\.3437\.0$/);
    assert.equal(connectors[0].contextValue, 'connector;active');
    const apps = await shown(api, appsFolder.node);
    // Each application is described by the host of its external URL: its own domain where it has one.
    assert.deepEqual(apps.map((a) => [a.label, a.description]).sort(), [
      ['Payroll EU', 'payroll.eu.contoso.com'],
      ['SAP Fiori', 'fiori.eu.contoso.com'],
      ['Wiki', 'wiki-contoso.msappproxy.net'],
    ]);
    const sydney = await shown(api, (await shown(api, (await groupItem(api, 'Australia Sydney')).node))[0].node);
    assert.ok(sydney.every((c) => c.contextValue === 'connector;inactive'));
    // Told apart by shape, not only by a tint a light theme makes faint: a machine that runs, a plug pulled.
    assert.equal(connectors[0].icon, 'vm-active');
    assert.ok(sydney.every((c) => c.icon === 'debug-disconnect'), sydney.map((c) => c.icon).join(', '));
  });

  it('shows each application\'s kind, and the segments a Private Access application reaches, read when it is expanded', async () => {
    const api = await extensionApi();
    const [, appsFolder] = await shown(api, (await groupItem(api, 'Default')).node);
    const apps = await shown(api, appsFolder.node);
    const byName = (name: string) => apps.find((a) => a.label === name)!;
    assert.equal(byName('File Shares (Private Access)').icon, 'lock');
    assert.match(byName('File Shares (Private Access)').description, /^Private Access/);
    assert.equal(byName('Quick Access').icon, 'zap');
    assert.equal(byName('Intranet').icon, 'globe');
    assert.equal(byName('Intranet').node.treeItem().collapsibleState, vscode.TreeItemCollapsibleState.None);
    const segments = await shown(api, byName('File Shares (Private Access)').node);
    assert.deepEqual(segments.map((s) => `${s.label} · ${s.description}`), [
      '10.1.20.15 · TCP 445', '10.1.20.0/24 · TCP 445, 139', '10.1.30.10-10.1.30.20 · TCP 3389',
      'files.corp.contoso.com · TCP 445', '*.shares.corp.contoso.com · TCP 445', '10.1.40.5 · UDP 8080-8090',
    ]);
    // An unknown application type is a web application, shown as it is.
    const [, tokyoApps] = await shown(api, (await groupItem(api, 'Tokyo (legacy)')).node);
    const [crm] = await shown(api, tokyoApps.node);
    assert.equal(crm.icon, 'globe');
  });

  it('says when the segments cannot be read, and reads them again on Retry', async () => {
    const api = await extensionApi();
    const [, appsFolder] = await shown(api, (await groupItem(api, 'Default')).node);
    const quick = (await shown(api, appsFolder.node)).find((a) => a.label === 'Quick Access')!;
    await sandbox.faults([{ path: '/applicationSegments', status: 500 }]);
    const [error] = await shown(api, quick.node);
    assert.equal(error.contextValue, 'error');
    await sandbox.faults([]);
    await vscode.commands.executeCommand('connectorGroups.refreshNode', quick.node);
    const rows = await shown(api, quick.node);
    assert.equal(rows.length, 3, rows.map((r) => r.label).join(', '));
  });

  it('takes the "Could not refresh" row away once a later read of the tenant works, whichever way it is asked', async () => {
    const api = await extensionApi();
    const tenant = await sandboxTenantNode(api);
    const rowsNow = async () => (await shown(api, tenant)).map((r) => r.contextValue);
    await sandbox.faults([{ path: 'connectorGroups', status: 503, retryAfterSeconds: 0 }]);
    await vscode.commands.executeCommand('connectorGroups.refresh');
    assert.equal((await rowsNow())[0], 'stale', 'the failed refresh is said above the last groups read');
    await sandbox.faults([]);
    // The row's own Retry (a refresh of the tenant), then the view's Refresh: each leaves no stale row.
    const [stale] = await shown(api, tenant);
    const retry = stale.node.treeItem().command!;
    await vscode.commands.executeCommand(retry.command, ...(retry.arguments ?? []));
    assert.ok(!(await rowsNow()).includes('stale'), (await rowsNow()).join(', '));
    await sandbox.faults([{ path: 'connectorGroups', status: 503, retryAfterSeconds: 0 }]);
    await vscode.commands.executeCommand('connectorGroups.refreshNode', tenant);
    assert.equal((await rowsNow())[0], 'stale');
    await sandbox.faults([]);
    await vscode.commands.executeCommand('connectorGroups.refresh');
    assert.ok(!(await rowsNow()).includes('stale'));
  });

  it('shows an empty state instead of an empty folder', async () => {
    const api = await extensionApi();
    const pune = await groupItem(api, 'India Pune');
    assert.match(pune.contextValue, /;empty/);
    const [connectorsFolder] = await shown(api, pune.node);
    const children = await shown(api, connectorsFolder.node);
    assert.deepEqual(children.map((c) => [c.label, c.contextValue]), [['No connectors in this group', 'empty']]);
  });

  it('shows a first load that failed as an error node with a retry, and recovers', async () => {
    const api = await extensionApi();
    await sandbox.faults([{ method: 'GET', path: 'connectorGroups$', status: 500, times: 5 }]);
    await vscode.commands.executeCommand('connectorGroups.removeTenant', await sandboxTenantNode(api));
    const tenant = await sandboxTenantNode(api);
    const [error] = await shown(api, tenant);
    assert.equal(error.contextValue, 'error');
    assert.match(error.label, /Could not load: An internal server error occurred\. \(HTTP 500 InternalServerError, request id/);
    const item = error.node.treeItem() as vscode.TreeItem;
    assert.equal(item.command?.command, 'connectorGroups.refreshNode');
    await sandbox.call('DELETE', '/_sandbox/faults');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const groups = await shown(api, tenant);
    assert.ok(groups.some((g) => g.label === 'EU Frankfurt'));
  });

  it('shows that a tenant is being opened instead of the welcome, then the tenant', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('connectorGroups.removeTenant', await sandboxTenantNode(api));
    assert.deepEqual(api.services.tree.getChildren(), [], 'no tenant: the welcome view shows');
    const seen: string[] = [];
    const watch = api.services.tree.onDidChangeTreeData(() => {
      seen.push(api.services.tree.getChildren().map((n: any) => String((n.treeItem() as vscode.TreeItem).label)).join(', ') || '(welcome)');
    });
    const opened = vscode.commands.executeCommand('connectorGroups.openSandboxTenant');
    await opened;
    watch.dispose();
    assert.equal(seen[0], 'Opening the tenant…');
    assert.ok(!seen.includes('(welcome)'), seen.join(' | '));
    assert.deepEqual((await shown(api)).map((t) => t.label), ['Contoso (sandbox)']);
  });

  it('gives a slow first load up at the timeout setting, as one deadline for all its requests and retries', async () => {
    const api = await extensionApi();
    const config = vscode.workspace.getConfiguration('connectorGroups');
    await config.update('requestTimeoutSeconds', 5, vscode.ConfigurationTarget.Global);
    try {
      // Each attempt answers within the per-attempt timeout, but the retries together take ~18 s.
      await sandbox.faults([{ method: 'GET', path: 'connectorGroups$', status: 503, retryAfterSeconds: 0, latencyMs: 3000, times: 6 }]);
      await vscode.commands.executeCommand('connectorGroups.removeTenant', await sandboxTenantNode(api));
      const tenant = await sandboxTenantNode(api);
      const [loading] = api.services.tree.getChildren(tenant).map((n: any) => n.treeItem() as vscode.TreeItem);
      assert.equal(loading.label, 'Loading…');
      assert.equal(loading.description, 'gives up after 5 s');
      const started = Date.now();
      const [error] = await shown(api, tenant);
      assert.ok(Date.now() - started < 8000, 'the deadline, not the retries, ended it');
      assert.equal(error.contextValue, 'error');
      assert.match(error.label, /Could not load: Microsoft Graph did not answer within 5 s/);
    } finally {
      await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps the last good groups when a refresh fails, marked stale in words, with a retry', async () => {
    const api = await extensionApi();
    const tenant = await sandboxTenantNode(api);
    const before = (await shown(api, tenant)).map((g) => g.label);
    await sandbox.faults([{ method: 'GET', drop: true }, { method: 'POST', path: '/$batch', drop: true }]);
    await vscode.commands.executeCommand('connectorGroups.refresh');
    const [stale, ...rest] = await shown(api, tenant);
    assert.equal(stale.contextValue, 'stale');
    assert.equal(stale.label, 'Could not refresh: Retry');
    assert.match(stale.description, /the connection was closed before an answer came/);
    assert.deepEqual(rest.map((g) => g.label), before, 'the groups stay');
    await sandbox.faults([]);
    const item = stale.node.treeItem() as vscode.TreeItem;
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.deepEqual((await shown(api, tenant)).map((g) => g.label), before, 'the stale mark is gone');
  });

  it('loads a tenant lazily in two round trips and caches it until refresh', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('connectorGroups.refresh');
    await sandbox.call('DELETE', '/_sandbox/requests');
    const tenant = await sandboxTenantNode(api);
    await shown(api, tenant);
    const outer = (await sandbox.settledRequests()).filter((e) => !e.batchRequestId);
    assert.ok(outer.length <= 3, `at most organization, groups and one $batch: ${outer.map((e) => e.url).join(', ')}`);
    await shown(api, (await groupItem(api, 'EU Frankfurt')).node);
    await shown(api, tenant);
    assert.equal((await sandbox.settledRequests()).filter((e) => !e.batchRequestId).length, outer.length, 'nothing read again');
  });

  it('refreshes one group without reading the others', async () => {
    const api = await extensionApi();
    const eu = await groupItem(api, 'EU Frankfurt');
    await sandbox.call('PATCH', `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${eu.node.group.id}`, { body: { name: 'EU Frankfurt (renamed elsewhere)' } });
    await sandbox.call('DELETE', '/_sandbox/requests');
    await vscode.commands.executeCommand('connectorGroups.refreshNode', eu.node);
    const log = await sandbox.settledRequests();
    assert.ok(log.every((e) => e.url.includes(eu.node.group.id)), log.map((e) => e.url).join(', '));
    await groupItem(api, 'EU Frankfurt (renamed elsewhere)');
  });

  it('counts the groups with problems in the view badge and can show only them', async () => {
    const api = await extensionApi();
    const tenant = await sandboxTenantNode(api);
    await shown(api, tenant);
    assert.equal(api.services.treeView.badge?.value, 3);
    assert.equal(api.services.treeView.badge?.tooltip, '3 connector groups with problems');
    await vscode.commands.executeCommand('connectorGroups.showProblemsOnly');
    try {
      assert.deepEqual((await shown(api, tenant)).map((g) => g.label),
        ['Asia Singapore', 'Australia Sydney', 'Tokyo (legacy)', '3 groups without problems hidden']);
      assert.equal(api.services.treeView.description, 'groups with problems');
    } finally {
      await vscode.commands.executeCommand('connectorGroups.showAllGroups');
    }
    assert.ok((await shown(api, tenant)).some((g) => g.label === 'EU Frankfurt'));
    assert.equal(api.services.treeView.description, undefined);
  });

  it('finds a connector by its machine name from the loaded model, without a round trip, and reveals its row', async () => {
    const api = await extensionApi();
    await shown(api, await sandboxTenantNode(api));
    await sandbox.call('DELETE', '/_sandbox/requests');
    let offered: vscode.QuickPickItem[] = [];
    const prompts = await script((items) => {
      offered = [...items];
      return items.find((i) => i.label === 'SIN-APPPROXY-01.contoso.com');
    });
    const node = await vscode.commands.executeCommand<any>('connectorGroups.findGroup');
    prompts.assertDone();
    assert.equal(node?.connector?.machineName, 'SIN-APPPROXY-01.contoso.com');
    assert.equal((api.services.treeView.selection[0] as any)?.connector?.machineName, 'SIN-APPPROXY-01.contoso.com');
    const connector = offered.find((i) => i.label === 'SIN-APPPROXY-01.contoso.com')!;
    assert.match(connector.description ?? '', /in 'Asia Singapore'$/);
    const eu = offered.find((i) => i.label === 'EU Frankfurt')!;
    assert.match(eu.detail ?? '', / · Europe eur$/);
    assert.deepEqual((await sandbox.settledRequests()).filter((e) => e.url.startsWith('/beta')), [], 'answered from the model');
  });

  it('finds an application by its whole name and reveals its row, not its group', async () => {
    const api = await extensionApi();
    await shown(api, await sandboxTenantNode(api));
    const prompts = await script((items) => items.find((i) => i.label === 'Wiki'));
    const node = await vscode.commands.executeCommand<any>('connectorGroups.findGroup');
    prompts.assertDone();
    assert.equal(node?.application?.displayName, 'Wiki');
    assert.equal((api.services.treeView.selection[0] as any)?.application?.displayName, 'Wiki');
  });

  it('finds a group the problems-only filter hides: every group is shown again, and it says so', async () => {
    const api = await extensionApi();
    const tenant = await sandboxTenantNode(api);
    await vscode.commands.executeCommand('connectorGroups.showProblemsOnly');
    try {
      assert.ok(!(await shown(api, tenant)).some((g) => g.label === 'EU Frankfurt'), 'the filter hides EU Frankfurt');
      const prompts = await script((items) => items.find((i) => i.label === 'EU Frankfurt'));
      const node = await vscode.commands.executeCommand<any>('connectorGroups.findGroup');
      prompts.assertDone();
      assert.deepEqual(prompts.errors, []);
      assert.equal(node?.group?.name, 'EU Frankfurt');
      assert.equal((api.services.treeView.selection[0] as any)?.group?.name, 'EU Frankfurt');
      assert.equal(api.services.tree.problemsOnly, false);
      assert.match(prompts.statuses.join('\n'), /Showing every group: 'EU Frankfurt' has no problem/);
    } finally {
      await vscode.commands.executeCommand('connectorGroups.showAllGroups');
    }
  });
});
