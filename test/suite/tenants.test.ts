import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Authentication } from '../../src/auth/sessions';
import { scaleTenant } from '../../src/sandbox/seeds';
import { SANDBOX_CLIENT_ID } from '../../src/sandbox/identityPlatform';
import { GraphSandbox } from '../../src/sandbox/server';
import { savedTenantKey } from '../../src/tenants/savedTenants';
import { EXTENSION_ID, extensionApi, freshStart, OFFERED, pickLabel, sandboxClient, script, shown } from './harness';

interface AskedSession {
  providerId: string;
  scopes: readonly string[];
  options: vscode.AuthenticationGetSessionOptions;
}

interface Account {
  id: string;
  label: string;
}

/**
 * Stands in for VS Code's Microsoft sign-in, as VS Code behaves: records what is asked; keeps the
 * accounts signed in and one preferred account per provider for the extension (the last chosen),
 * which a silent request without `account` gets; and forces a token refresh whenever the tenant asked
 * (`VSCODE_TENANT:`) is not the session's tenant id, as VS Code's provider does. `issue` hands out a
 * sandbox's token for an account and the Graph permissions asked (undefined: that account has no
 * session for that tenant). `signedIn = false` signs every account out.
 */
class FakeAuthentication implements Authentication {
  readonly asked: AskedSession[] = [];
  /** Who picks the account at the next interactive sign-in. */
  nextAccount: Account = { id: 'a', label: 'admin@fabrikam.example' };
  private readonly accounts = new Map<string, Account>();
  private preferred: Account | undefined;
  forcedRefreshes = 0;
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;

  constructor(
    private readonly issue: (permissions: string[], account: Account, graphOrigin: string) => string | undefined,
    private readonly tenantIdOf: (graphOrigin: string) => string = () => '',
  ) {}

  /** VS Code's provider saying its sessions changed (it does when it registers anew). */
  emitChange(providerId: string): void {
    this.changed.fire({ provider: { id: providerId, label: providerId } });
  }

  set signedIn(value: boolean) {
    if (value) return;
    this.accounts.clear();
    this.preferred = undefined;
  }

  async getSession(providerId: string, scopes: readonly string[], options: vscode.AuthenticationGetSessionOptions) {
    this.asked.push({ providerId, scopes, options });
    const graph = scopes.filter((s) => !s.startsWith('VSCODE_'));
    const origin = new URL(graph[0]).origin;
    const tokenFor = (account: Account) => this.issue(graph.map((s) => s.slice(s.lastIndexOf('/') + 1)), account, origin);
    // Silent: the account asked for, else the preferred one; a session only if it has one here.
    let account = options.account ? this.accounts.get(options.account.id) : this.preferred;
    let token = account && !options.forceNewSession ? tokenFor(account) : undefined;
    if (!token && (options.createIfNone || options.forceNewSession)) {
      // Interactive: the person signs in (as the account asked for, or as whom they pick).
      account = options.account && !options.forceNewSession ? options.account : this.nextAccount;
      token = tokenFor(account);
      if (token) {
        this.accounts.set(account.id, account);
        this.preferred = account;
      }
    }
    if (!token || !account) return undefined;
    const tenant = scopes.find((s) => s.startsWith('VSCODE_TENANT:'))?.slice('VSCODE_TENANT:'.length);
    if (tenant && tenant !== this.tenantIdOf(origin)) this.forcedRefreshes++;
    return { id: `session-${account.id}`, accessToken: token, account, scopes };
  }
}

describe('tenants: added, signed in, kept, read-only', () => {
  const sandbox = sandboxClient();
  let second: GraphSandbox;

  before(async () => {
    second = await GraphSandbox.start({ tenant: scaleTenant({ groups: 3, connectors: 4, applications: 5 }) });
  });

  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  afterEach(async () => {
    const api = await extensionApi();
    for (const saved of api.services.savedTenants.list()) {
      const key = savedTenantKey(saved);
      await api.services.savedTenants.remove(key);
      await api.services.registry.remove(key);
    }
    api.setAuthentication(undefined);
    await vscode.workspace.getConfiguration('connectorGroups').update('clientId', undefined, vscode.ConfigurationTarget.Global);
  });

  after(async () => second.close());

  async function addSecond(access: 'Read and change' | 'Read only', tenantEntered = '') {
    const api = await extensionApi();
    const fake = new FakeAuthentication((scopes) => second.tokens.issue(scopes), () => second.store.tenant.organization.id);
    api.setAuthentication(fake);
    const prompts = await script(pickLabel('Custom Graph endpoint…'), second.url.replace(/\/beta\/?$/, ''), tenantEntered, pickLabel(access), pickLabel("VS Code's Microsoft sign-in"));
    const key = await vscode.commands.executeCommand<string>('connectorGroups.addTenant');
    prompts.assertDone();
    return { api, fake, key: key!, prompts };
  }

  it('adds a tenant on its own endpoint, beside the sandbox tenant, each with its own data and token', async () => {
    const { api, fake, key } = await addSecond('Read and change');
    const origin = new URL(second.url).origin;
    assert.deepEqual(fake.asked.find((a) => a.options.createIfNone), { providerId: 'microsoft', scopes: [`${origin}/Directory.ReadWrite.All`], options: { createIfNone: true } });
    const roots = await shown(api);
    assert.deepEqual(roots.map((r) => r.label).sort(), ['Contoso (sandbox)', 'Contoso (scale)']);
    const scale = roots.find((r) => r.label === 'Contoso (scale)')!;
    assert.equal(scale.node.tenant.key, key);
    assert.match(scale.description, /admin@fabrikam\.example/);
    const groups = (await shown(api, scale.node)).map((g) => g.label);
    assert.deepEqual(groups.filter((g) => g.startsWith('Group ')).sort(), ['Group 0001', 'Group 0002']);
    const sandboxGroups = (await shown(api, api.services.tree.tenantNode('sandbox'))).map((g) => g.label);
    assert.ok(sandboxGroups.includes('EU Frankfurt') && !sandboxGroups.includes('Group 0001'));
    assert.deepEqual(api.services.savedTenants.list().map((t) => ({ ...t, tenantId: undefined })), [
      { tenant: 'organizations', cloud: 'custom', graphOrigin: origin, wayIn: 'vscode', displayName: 'Contoso (scale)', tenantId: undefined, account: { id: 'a', label: 'admin@fabrikam.example' } },
    ], 'kept, with the name Graph gave and the account it was signed in with');
  });

  it('keeps the tenants across a reload: they come back from the store and sign in silently', async () => {
    const { api, fake, key } = await addSecond('Read and change');
    // What a reload does: the registry is empty again, the store is not.
    await api.services.registry.remove(key);
    assert.equal(api.services.tree.tenantNode(key), undefined);
    fake.asked.length = 0;
    await api.restoreTenants();
    const node = api.services.tree.tenantNode(key);
    assert.ok(node, 'the saved tenant is back');
    assert.ok((await shown(api, node)).some((g) => g.label === 'Group 0001'));
    assert.ok(fake.asked.every((a) => a.options.silent), 'no sign-in prompt on the way back');
  });

  it('keeps the tenants in their order after a reload, whichever opens first', async () => {
    const { api, key } = await addSecond('Read and change');
    const order = () => api.services.tree.roots().map((node) => node.tenant.key);
    assert.deepEqual(order(), ['sandbox', key]);
    // A reload in which the saved tenant signs in before the sandbox has started.
    await api.services.registry.remove('sandbox');
    await api.services.registry.remove(key);
    await api.restoreTenants();
    await vscode.commands.executeCommand('connectorGroups.openSandboxTenant');
    assert.deepEqual(order(), ['sandbox', key]);
  });

  it('keeps each tenant on its own account: signing in to a second tenant as someone else leaves the first signed in', async () => {
    const api = await extensionApi();
    const third = await GraphSandbox.start({ tenant: scaleTenant({ groups: 2, connectors: 2, applications: 2 }) });
    try {
      const origins = { alice: new URL(second.url).origin, bob: new URL(third.url).origin };
      const sandboxes = { alice: second, bob: third };
      // Alice is a member of the second tenant only, Bob of the third only.
      const fake = new FakeAuthentication((permissions, account, origin) => {
        const who = account.id as 'alice' | 'bob';
        return origins[who] === origin ? sandboxes[who].tokens.issue(permissions) : undefined;
      });
      api.setAuthentication(fake);
      const keys: string[] = [];
      for (const [who, sandbox] of [['alice', second], ['bob', third]] as const) {
        fake.nextAccount = { id: who, label: `${who}@example.com` };
        await script(pickLabel('Custom Graph endpoint…'), sandbox.url.replace(/\/beta\/?$/, ''), '', pickLabel('Read and change'), pickLabel("VS Code's Microsoft sign-in"));
        keys.push((await vscode.commands.executeCommand<string>('connectorGroups.addTenant'))!);
      }
      // A reload: both come back from the store and sign in silently; VS Code now prefers Bob.
      for (const key of keys) await api.services.registry.remove(key);
      await api.restoreTenants();
      const [first, secondTenant] = keys.map((key) => api.services.tree.tenantNode(key));
      const labels = async (node: typeof first) => (await shown(api, node)).map((g) => g.label);
      assert.ok((await labels(first)).includes('Group 0001'), `Alice's tenant is still signed in: ${(await labels(first)).join(', ')}`);
      assert.ok((await labels(secondTenant)).includes('Group 0001'), `Bob's tenant is signed in: ${(await labels(secondTenant)).join(', ')}`);
      assert.deepEqual(api.services.savedTenants.list().map((t) => t.account?.id).sort(), ['alice', 'bob']);
      assert.ok(fake.asked.filter((a) => a.options.silent).every((a) => a.options.account), 'every silent request names its account');
    } finally {
      await third.close();
    }
  });

  it('asks by tenant id once Graph has said it, so VS Code does not refresh the token on every request', async () => {
    const { api, fake, key } = await addSecond('Read and change', 'contoso.onmicrosoft.com');
    const tenantId = second.store.tenant.organization.id;
    assert.equal(api.services.savedTenants.list()[0].tenantId, tenantId, 'the id is kept');
    fake.asked.length = 0;
    fake.forcedRefreshes = 0;
    await vscode.commands.executeCommand('connectorGroups.refreshNode', api.services.tree.tenantNode(key));
    await shown(api, api.services.tree.tenantNode(key));
    assert.ok(fake.asked.length > 0);
    assert.ok(fake.asked.every((a) => a.scopes.includes(`VSCODE_TENANT:${tenantId}`)), JSON.stringify(fake.asked.map((a) => a.scopes)));
    assert.equal(fake.forcedRefreshes, 0);
  });

  it('shows "Sign in" for a tenant without a session, and the other tenant goes on working', async () => {
    const { api, fake, key } = await addSecond('Read and change');
    await api.services.registry.remove(key);
    fake.signedIn = false;
    await api.restoreTenants();
    const [signIn] = await shown(api, api.services.tree.tenantNode(key));
    assert.equal(signIn.label, 'Sign in…');
    assert.equal(signIn.contextValue, 'signIn');
    assert.ok((await shown(api, api.services.tree.tenantNode('sandbox'))).some((g) => g.label === 'EU Frankfurt'));
    const item = signIn.node.treeItem() as vscode.TreeItem;
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.ok((await shown(api, api.services.tree.tenantNode(key))).some((g) => g.label === 'Group 0001'));
  });

  it('browses a read-only tenant, and rename says what is missing without sending anything', async () => {
    const { api, fake, key } = await addSecond('Read only');
    assert.deepEqual(fake.asked.find((a) => a.options.createIfNone)?.scopes, [`${new URL(second.url).origin}/Directory.Read.All`]);
    const node = api.services.tree.tenantNode(key);
    const group = (await shown(api, node)).find((g) => g.label === 'Group 0001')!;
    assert.match((node!.treeItem() as vscode.TreeItem).description as string, /read only/);
    const prompts = await script();
    await vscode.commands.executeCommand('connectorGroups.renameGroup', group.node);
    prompts.assertDone();
    assert.match(prompts.errors[0] ?? '', /open read-only \(Directory\.Read\.All\)\. Renaming a connector group needs the Directory\.ReadWrite\.All permission and the Application Administrator/);
    assert.ok([...second.store.tenant.groups.values()].some((g) => g.name === 'Group 0001'));
  });

  it('takes a tenant added again with Read and change at its word: the row is no longer read only, and a rename goes through', async () => {
    const first = await addSecond('Read only');
    const before = first.api.services.tree.tenantNode(first.key)!;
    assert.match((before.treeItem() as vscode.TreeItem).description as string, /read only/);
    const again = await addSecond('Read and change');
    assert.equal(again.key, first.key);
    assert.match(again.prompts.infos.join(' '), /'Contoso \(scale\)' is already in the view: it is signed in again as you chose\./);
    const node = again.api.services.tree.tenantNode(again.key)!;
    assert.doesNotMatch((node.treeItem() as vscode.TreeItem).description as string, /read only/);
    const group = (await shown(again.api, node)).find((g) => g.label === 'Group 0001')!;
    const renaming = await script('Group 0001 renamed');
    await vscode.commands.executeCommand('connectorGroups.renameGroup', group.node);
    assert.deepEqual(renaming.errors, []);
    const renamed = [...second.store.tenant.groups.values()].find((g) => g.name === 'Group 0001 renamed');
    assert.ok(renamed);
    // The second sandbox serves the whole suite: its group gets its name back.
    renamed.name = 'Group 0001';
  });

  it('does not keep a second entry for a tenant already in the view, and says so', async () => {
    const first = await addSecond('Read and change');
    const tenantId = second.store.tenant.organization.id;
    const again = await addSecond('Read and change', tenantId);
    assert.notEqual(tenantId.toLowerCase(), 'organizations');
    assert.equal(again.key, first.key, 'the tenant already there is the one meant');
    assert.match(again.prompts.infos.join(' '), /'Contoso \(scale\)' is already in the view; the second entry was not kept\./);
    assert.deepEqual((await shown(again.api)).map((r) => r.label).sort(), ['Contoso (sandbox)', 'Contoso (scale)']);
    const kept = again.api.services.savedTenants.list();
    assert.equal(kept.length, 1, JSON.stringify(kept));
  });

  it('offers no change in the menus of a read-only tenant, nor Delete on the default group or one still loading, and its refusal offers Add Tenant…', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    // The item menu's clauses, read the way VS Code reads `viewItem =~ /…/` and `viewItem == …`.
    const offered = (command: string, contextValue: string) => manifest.contributes.menus['view/item/context']
      .filter((m) => m.command === `connectorGroups.${command}`)
      .some((m) => {
        const regex = /viewItem =~ \/(.*)\//.exec(m.when ?? '');
        if (regex) return new RegExp(regex[1]).test(contextValue);
        const equal = /viewItem == (\S+)/.exec(m.when ?? '');
        return equal ? equal[1] === contextValue : false;
      });
    const { api, key } = await addSecond('Read only');
    const tenant = api.services.tree.tenantNode(key)!;
    const group = (await shown(api, tenant)).find((g) => g.label === 'Group 0001')!;
    const [connectors, applications] = await api.services.tree.settledChildren(group.node);
    const [connector] = await shown(api, connectors);
    const [application] = await shown(api, applications);
    const changes: [string, string][] = [
      ['createGroup', (tenant.treeItem() as vscode.TreeItem).contextValue!], ['renameGroup', group.contextValue], ['editRegion', group.contextValue],
      ['deleteGroup', group.contextValue], ['assignApplications', group.contextValue],
      ['moveConnectorsHere', (connectors.treeItem() as vscode.TreeItem).contextValue!], ['assignApplications', (applications.treeItem() as vscode.TreeItem).contextValue!],
      ['moveConnector', connector.contextValue], ['moveApplication', application.contextValue], ['unassignApplication', application.contextValue],
    ];
    assert.deepEqual(changes.filter(([command, value]) => offered(command, value)), [], 'no change is offered on a read-only tenant');
    assert.ok(offered('exportJson', group.contextValue) && offered('copyId', connector.contextValue), 'reading is still offered');

    const sandboxGroups = await shown(api, api.services.tree.tenantNode('sandbox'));
    const byName = (name: string) => sandboxGroups.find((g) => g.label === name)!.contextValue;
    assert.equal(offered('deleteGroup', byName('Default')), false, 'the default group cannot be deleted');
    assert.equal(offered('deleteGroup', byName('India Pune')), true);
    assert.equal(offered('renameGroup', byName('Default')), true);
    const loading = byName('India Pune').replace(/;empty.*/, ';pending');
    assert.equal(offered('deleteGroup', loading), false, 'nor one whose contents are still on their way');
    assert.equal(offered('editRegion', loading), false);

    const prompts = await script();
    await vscode.commands.executeCommand('connectorGroups.renameGroup', group.node);
    assert.deepEqual(prompts.errorActions[0], ['Add Tenant…', 'Show Log']);
  });

  it('says when Application Proxy refuses reading with Directory.Read.All, and asks for Directory.ReadWrite.All while staying read-only', async () => {
    second.readsNeedReadWrite = true;
    try {
      const { api, fake, key } = await addSecond('Read only');
      const [refused] = await shown(api, api.services.tree.tenantNode(key));
      assert.equal(refused.contextValue, 'readRefused', refused.label);
      assert.match(refused.label, /refused reading with Directory\.Read\.All/);
      const item = refused.node.treeItem() as vscode.TreeItem;
      const prompts = await script();
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      prompts.assertDone();
      const origin = new URL(second.url).origin;
      assert.deepEqual(fake.asked.find((a) => a.options.createIfNone && a.scopes.includes(`${origin}/Directory.ReadWrite.All`))?.scopes, [`${origin}/Directory.ReadWrite.All`]);
      const node = api.services.tree.tenantNode(key);
      const group = (await shown(api, node)).find((g) => g.label === 'Group 0001');
      assert.ok(group, 'the groups are read with Directory.ReadWrite.All');
      assert.match((node!.treeItem() as vscode.TreeItem).description as string, /read only/);
      assert.deepEqual(api.services.savedTenants.list().map((t) => [t.readOnly, t.askReadWrite]), [[true, true]]);
      const renaming = await script();
      await vscode.commands.executeCommand('connectorGroups.renameGroup', group.node);
      renaming.assertDone();
      assert.match(renaming.errors[0] ?? '', /open read-only/, 'every change is still refused up front');
      assert.ok([...second.store.tenant.groups.values()].some((g) => g.name === 'Group 0001'));
    } finally {
      second.readsNeedReadWrite = false;
    }
  });

  it('Check Access says who is signed in, what the token carries, and which is missing for a change', async () => {
    const api = await extensionApi();
    const sandboxReport = await vscode.commands.executeCommand<any>('connectorGroups.checkAccess', api.services.tree.tenantNode('sandbox'));
    assert.equal(sandboxReport.allows.read, 'yes');
    assert.equal(sandboxReport.allows.change, 'yes');
    assert.ok(sandboxReport.token.permissions.includes('Directory.ReadWrite.All'));
    assert.ok(sandboxReport.token.directoryRoles.includes('Global Administrator'));
    assert.doesNotMatch(JSON.stringify(sandboxReport), /eyJ/, 'never the token itself');

    // A user who is only Cloud Application Administrator: the permission is there, the role is not.
    const cloudAppAdmin = '158c047a-c907-4556-b7ef-446551a6b5f7';
    const fake = new FakeAuthentication((permissions) => second.tokens.issue(permissions, 3600, { roles: [cloudAppAdmin] }));
    api.setAuthentication(fake);
    await script(pickLabel('Custom Graph endpoint…'), second.url.replace(/\/beta\/?$/, ''), '', pickLabel('Read and change'), pickLabel("VS Code's Microsoft sign-in"));
    const key = await vscode.commands.executeCommand<string>('connectorGroups.addTenant');
    const report = await vscode.commands.executeCommand<any>('connectorGroups.checkAccess', api.services.tree.tenantNode(key!));
    assert.deepEqual(report.token.directoryRoles, ['Cloud Application Administrator']);
    assert.match(report.allows.change, /lacks the Application Administrator or Global Administrator role/);
    assert.equal(report.allows.read, 'yes');

    // Graph's 403 on a change says it is the role that is missing, and which role the account has.
    const before = second.store.tenant.groups.size;
    const prompts = await script('Staging', pickLabel('Default region'));
    await vscode.commands.executeCommand('connectorGroups.createGroup', api.services.tree.tenantNode(key!));
    assert.equal(second.store.tenant.groups.size, before, 'nothing was created');
    assert.equal(prompts.errors.length, 1);
    assert.match(prompts.errors[0], /HTTP 403 Authorization_RequestDenied[^]*The account lacks the role: it has Cloud Application Administrator, and a change needs Application Administrator or Global Administrator/);
  });

  it("switches VS Code's sovereign cloud, and asks for a session only once the provider has changed", async () => {
    const api = await extensionApi();
    const config = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
    const before = config.inspect<string>('environment')?.globalValue;
    await vscode.workspace.getConfiguration('connectorGroups').update('clientId', '11111111-2222-3333-4444-555555555555', vscode.ConfigurationTarget.Global);
    const fake = new FakeAuthentication(() => undefined);
    api.setAuthentication(fake);
    const events: string[] = [];
    const asking = fake.getSession.bind(fake);
    fake.getSession = (providerId, scopes, options) => {
      if (options.createIfNone) events.push(`asked ${providerId}`);
      return asking(providerId, scopes, options);
    };
    // The provider takes a moment to register for the new cloud after the setting changes.
    const watch = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('microsoft-sovereign-cloud.environment')) {
        setTimeout(() => { events.push('provider changed'); fake.emitChange('microsoft-sovereign-cloud'); }, 300);
      }
    });
    try {
      await script(pickLabel('US Government L4'), 'contoso.onmicrosoft.us', pickLabel('Read and change'), pickLabel("VS Code's Microsoft sign-in"), 'Set to USGovernment');
      await vscode.commands.executeCommand('connectorGroups.addTenant');
      assert.equal(vscode.workspace.getConfiguration('microsoft-sovereign-cloud').get('environment'), 'USGovernment');
      assert.deepEqual(events, ['provider changed', 'asked microsoft-sovereign-cloud']);
    } finally {
      watch.dispose();
      await config.update('environment', before, vscode.ConfigurationTarget.Global);
    }
  });

  it("says a consent, VS Code's own app or another tenant's user refused at VS Code's sign-in, and offers Grant Admin Consent…", async () => {
    const api = await extensionApi();
    await vscode.workspace.getConfiguration('connectorGroups').update('clientId', '11111111-2222-3333-4444-555555555555', vscode.ConfigurationTarget.Global);
    const refusals: [string, RegExp][] = [
      ['AADSTS65001: The user or administrator has not consented to use the application.', /administrator can grant consent/],
      ['AADSTS65002: Consent between first party application and first party resource must be configured.', /set connectorGroups\.clientId/],
      ['AADSTS50020: User account from identity provider does not exist in tenant.', /not in this tenant/],
      ["AADSTS700016: Application with identifier '11111111-2222-3333-4444-555555555555' was not found in the directory.", /is not registered in this tenant's cloud/],
    ];
    for (const [refusal, words] of refusals) {
      api.setAuthentication(refusingSignIn(refusal));
      const prompts = await script(pickLabel('Global'), 'contoso.onmicrosoft.com', pickLabel('Read and change'), pickLabel("VS Code's Microsoft sign-in"));
      await vscode.commands.executeCommand('connectorGroups.addTenant');
      prompts.assertDone();
      const code = /AADSTS\d+/.exec(refusal)![0];
      assert.match(prompts.errors[0] ?? '', words, refusal);
      assert.ok(prompts.errors[0].endsWith(`(${code})`), prompts.errors[0]);
      assert.doesNotMatch(prompts.errors[0], /could not be reached|network/);
      assert.deepEqual(prompts.errorActions[0], ['Grant Admin Consent…', 'Show Log']);
      for (const saved of api.services.savedTenants.list()) {
        await api.services.savedTenants.remove(savedTenantKey(saved));
        await api.services.registry.remove(savedTenantKey(saved));
      }
    }
  });

  it("says an unknown tenant or a single-tenant app without its tenant refused at VS Code's sign-in in words, and keeps neither entry", async () => {
    const api = await extensionApi();
    await vscode.workspace.getConfiguration('connectorGroups').update('clientId', '11111111-2222-3333-4444-555555555555', vscode.ConfigurationTarget.Global);
    const refusals: [entered: string, refusal: string, words: string][] = [
      ['nosuch.onmicrosoft.com', "AADSTS90002: Tenant 'nosuch.onmicrosoft.com' not found.",
        "'nosuch.onmicrosoft.com' in Global was not added: The sign-in service does not know this tenant in this cloud. Check the tenant ID or domain, and the cloud. (AADSTS90002)"],
      ['', "AADSTS50194: Application '11111111-2222-3333-4444-555555555555' is not configured as a multi-tenant application.",
        "'organizations' in Global was not added: The app registration is single-tenant, so it cannot sign in without a tenant: remove this tenant and add it again with its tenant ID or domain (or make the registration multi-tenant). (AADSTS50194)"],
    ];
    for (const [entered, refusal, words] of refusals) {
      api.setAuthentication(refusingSignIn(refusal));
      const prompts = await script(pickLabel('Global'), entered, pickLabel('Read and change'), pickLabel("VS Code's Microsoft sign-in"));
      await vscode.commands.executeCommand('connectorGroups.addTenant');
      prompts.assertDone();
      assert.deepEqual(prompts.errors, [words]);
      assert.deepEqual(prompts.errorActions[0], ['Show Log']);
      assert.deepEqual(api.services.savedTenants.list(), [], 'the entry is not kept');
      assert.equal(api.services.tree.roots().filter((t) => t.tenant.key !== 'sandbox').length, 0, 'nor shown');
    }
  });

  it('asks VS Code for our app registration and the tenant as separate scopes, on the global cloud', async () => {
    const api = await extensionApi();
    await vscode.workspace.getConfiguration('connectorGroups').update('clientId', '11111111-2222-3333-4444-555555555555', vscode.ConfigurationTarget.Global);
    const fake = new FakeAuthentication(() => undefined);
    api.setAuthentication(fake);
    await script(pickLabel('Global'), 'contoso.onmicrosoft.com', pickLabel('Read and change'), pickLabel("VS Code's Microsoft sign-in"));
    await vscode.commands.executeCommand('connectorGroups.addTenant');
    const asked = fake.asked.find((a) => a.options.createIfNone);
    assert.deepEqual(asked, {
      providerId: 'microsoft',
      scopes: ['VSCODE_CLIENT_ID:11111111-2222-3333-4444-555555555555', 'VSCODE_TENANT:contoso.onmicrosoft.com', 'https://graph.microsoft.com/Directory.ReadWrite.All'],
      options: { createIfNone: true },
    });
    const [signIn] = await shown(api, api.services.tree.tenantNode('global/contoso.onmicrosoft.com'));
    assert.equal(signIn.label, 'Sign in…', 'a cancelled sign-in leaves the tenant waiting, with no request sent');
  });

  it('asks to sign in again with one Sign in… row and no code when the refresh token is revoked mid-session', async () => {
    const authority = process.env.CONNECTOR_GROUPS_SANDBOX_AUTHORITY!;
    const api = await extensionApi();
    await vscode.workspace.getConfiguration('connectorGroups').update('clientId', SANDBOX_CLIENT_ID, vscode.ConfigurationTarget.Global);
    // Access tokens that need the refresh token at every request (MSAL renews five minutes ahead).
    await sandbox.call('PATCH', '/_sandbox/options', { body: { identityAccessTokenLifetimeSeconds: 60 } });
    try {
      const graph = new URL(sandbox.url).origin;
      const prompts = await script(pickLabel('Custom Graph endpoint…'), graph, 'contoso.onmicrosoft.com', pickLabel('Read and change'), pickLabel('Device code'), authority);
      const added = vscode.commands.executeCommand<string>('connectorGroups.addTenant');
      for (let i = 0; i < 100 && prompts.codes.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      await sandbox.call('POST', '/_sandbox/devicecodes/approve', { body: { userCode: prompts.codes[0].userCode } });
      const key = (await added)!;
      const tenant = api.services.tree.tenantNode(key)!;
      const before = await shown(api, tenant);
      assert.ok(before.some((g) => g.label === 'EU Frankfurt'));
      await sandbox.call('POST', '/_sandbox/refreshtokens/revoke', { body: {} });
      // Several requests at once: the whole view, the tenant and a group.
      await Promise.all([
        vscode.commands.executeCommand('connectorGroups.refresh'),
        vscode.commands.executeCommand('connectorGroups.refreshNode', tenant),
        vscode.commands.executeCommand('connectorGroups.refreshNode', before.find((g) => g.label === 'EU Frankfurt')!.node),
      ]);
      const rows = await shown(api, tenant);
      assert.deepEqual(rows.filter((r) => r.label === 'Sign in…').length, 1, rows.map((r) => r.label).join(', '));
      assert.equal(rows[0].label, 'Sign in…', 'above the groups last read');
      assert.equal(prompts.codes.length, 1, 'no code but the first sign-in\'s');
      assert.deepEqual((await sandbox.call('GET', '/_sandbox/devicecodes')).body.value, [], 'no device-code flow started by itself');
    } finally {
      await sandbox.call('PATCH', '/_sandbox/options', { body: { identityAccessTokenLifetimeSeconds: 3600 } });
    }
  });

  it("offers the sandbox's Graph endpoint and, for it, its sign-in authority", async () => {
    const api = await extensionApi();
    await vscode.workspace.getConfiguration('connectorGroups').update('clientId', SANDBOX_CLIENT_ID, vscode.ConfigurationTarget.Global);
    // Enter on both offered values; a tenant the sign-in service does not know ends it before any code.
    const prompts = await script(pickLabel('Custom Graph endpoint…'), OFFERED, 'nosuch.onmicrosoft.com', pickLabel('Read and change'), pickLabel('Device code'), OFFERED);
    await vscode.commands.executeCommand('connectorGroups.addTenant');
    prompts.assertDone();
    const authority = new URL(process.env.CONNECTOR_GROUPS_SANDBOX_AUTHORITY!);
    assert.equal(prompts.errors[0], `'nosuch.onmicrosoft.com' in ${authority.host} was not added: The sign-in service does not know this tenant in this cloud. Check the tenant ID or domain, and the cloud. (AADSTS90002)`);
    assert.ok(!api.services.savedTenants.list().some((s) => s.tenant === 'nosuch.onmicrosoft.com'));
  });

  it('says which tenant the sign-in service does not know, and where, and does not keep it', async () => {
    const authority = process.env.CONNECTOR_GROUPS_SANDBOX_AUTHORITY!;
    const api = await extensionApi();
    await vscode.workspace.getConfiguration('connectorGroups').update('clientId', SANDBOX_CLIENT_ID, vscode.ConfigurationTarget.Global);
    const graph = new URL(sandbox.url).origin;
    const prompts = await script(pickLabel('Custom Graph endpoint…'), graph, 'nosuch.onmicrosoft.com', pickLabel('Read and change'), pickLabel('Device code'), authority);
    await vscode.commands.executeCommand('connectorGroups.addTenant');
    prompts.assertDone();
    assert.deepEqual(prompts.codes, [], 'no code for a tenant that does not exist');
    assert.equal(prompts.errors.length, 1);
    assert.equal(prompts.errors[0], `'nosuch.onmicrosoft.com' in ${new URL(authority).host} was not added: The sign-in service does not know this tenant in this cloud. Check the tenant ID or domain, and the cloud. (AADSTS90002)`);
    assert.ok(!api.services.savedTenants.list().some((s) => s.tenant === 'nosuch.onmicrosoft.com'), 'not saved');
    assert.equal(api.services.tree.tenantNode(`custom:${graph}/nosuch.onmicrosoft.com`), undefined, 'not in the view');
  });

  it('signs in by device code against the sandbox identity platform: the code is shown and logged, then the groups', async function () {
    const authority = process.env.CONNECTOR_GROUPS_SANDBOX_AUTHORITY;
    assert.ok(authority, 'the test host starts the sandbox with its identity platform');
    const api = await extensionApi();
    await vscode.workspace.getConfiguration('connectorGroups').update('clientId', SANDBOX_CLIENT_ID, vscode.ConfigurationTarget.Global);
    const graph = new URL(sandbox.url).origin;
    const prompts = await script(pickLabel('Custom Graph endpoint…'), graph, 'contoso.onmicrosoft.com', pickLabel('Read and change'), pickLabel('Device code'), authority);
    const added = vscode.commands.executeCommand<string>('connectorGroups.addTenant');
    for (let i = 0; i < 100 && prompts.codes.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const [code] = prompts.codes;
    assert.ok(code, `a code was shown; errors: ${prompts.errors.join(' | ')}`);
    assert.match(code.message, new RegExp(`open the page ${authority}/devicelogin and enter the code ${code.userCode} `));
    // The tenant's row keeps the code while it waits, and one click copies it and opens the page.
    const [waiting] = await shown(api, api.services.tree.tenantNode(`custom:${graph}/contoso.onmicrosoft.com`));
    assert.equal(waiting.label, `Enter the code ${code.userCode}`);
    assert.equal(waiting.description, `at ${authority}/devicelogin: click to copy it and open the page`);
    const click = waiting.node.treeItem().command;
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand(click.command, ...click.arguments);
    assert.equal(await vscode.env.clipboard.readText(), code.userCode);
    assert.deepEqual(prompts.opened, [`${authority}/devicelogin`]);
    await sandbox.call('POST', '/_sandbox/devicecodes/approve', { body: { userCode: code.userCode } });
    const key = await added;
    prompts.assertDone();
    assert.equal(key, `custom:${graph}/contoso.onmicrosoft.com`);
    assert.ok((await shown(api, api.services.tree.tenantNode(key!))).some((g) => g.label === 'EU Frankfurt'));
    assert.equal(api.services.savedTenants.list()[0].wayIn, 'deviceCode');
  });
});

/** VS Code's sign-in that answers an interactive request with this refusal, as its provider throws it. */
function refusingSignIn(refusal: string): FakeAuthentication {
  const fake = new FakeAuthentication(() => undefined);
  const asking = fake.getSession.bind(fake);
  fake.getSession = async (providerId, scopes, options) => {
    if (options.createIfNone) throw new Error(refusal);
    return asking(providerId, scopes, options);
  };
  return fake;
}
