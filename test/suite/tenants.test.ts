import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Authentication } from '../../src/auth/sessions';
import { scaleTenant } from '../../src/sandbox/seeds';
import { SANDBOX_CLIENT_ID } from '../../src/sandbox/identityPlatform';
import { GraphSandbox } from '../../src/sandbox/server';
import { savedTenantKey } from '../../src/tenants/savedTenants';
import { extensionApi, freshStart, pickLabel, sandboxClient, script, shown } from './harness';

interface AskedSession {
  providerId: string;
  scopes: readonly string[];
  options: vscode.AuthenticationGetSessionOptions;
}

/**
 * Stands in for VS Code's Microsoft sign-in: records what is asked, and hands out tokens a sandbox
 * issued for the Graph permissions asked for (the part after the host, as the identity platform
 * puts them in `scp`). `signedIn` says whether a silent request finds a session.
 */
class FakeAuthentication implements Authentication {
  readonly asked: AskedSession[] = [];
  signedIn = false;
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;

  constructor(private readonly issue: (scopes: string[]) => string | undefined) {}

  async getSession(providerId: string, scopes: readonly string[], options: vscode.AuthenticationGetSessionOptions) {
    this.asked.push({ providerId, scopes, options });
    if (options.silent && !this.signedIn) return undefined;
    const permissions = scopes.filter((s) => !s.startsWith('VSCODE_')).map((s) => s.slice(s.lastIndexOf('/') + 1));
    const token = this.issue(permissions);
    if (!token) return undefined;
    this.signedIn = true;
    return { id: 'session', accessToken: token, account: { id: 'a', label: 'admin@fabrikam.example' }, scopes };
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

  async function addSecond(access: 'Read and change' | 'Read only') {
    const api = await extensionApi();
    const fake = new FakeAuthentication((scopes) => second.tokens.issue(scopes));
    api.setAuthentication(fake);
    const prompts = await script(pickLabel('Custom Graph endpoint…'), second.url.replace(/\/beta\/?$/, ''), '', pickLabel(access), pickLabel("VS Code's Microsoft sign-in"));
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
      { tenant: 'organizations', cloud: 'custom', graphOrigin: origin, wayIn: 'vscode', displayName: 'Contoso (scale)', tenantId: undefined },
    ], 'kept, with the name Graph gave');
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
    await sandbox.call('POST', '/_sandbox/devicecodes/approve', { body: { userCode: code.userCode } });
    const key = await added;
    prompts.assertDone();
    assert.equal(key, `custom:${graph}/contoso.onmicrosoft.com`);
    assert.ok((await shown(api, api.services.tree.tenantNode(key!))).some((g) => g.label === 'EU Frankfurt'));
    assert.equal(api.services.savedTenants.list()[0].wayIn, 'deviceCode');
  });
});
