import * as assert from 'node:assert/strict';
import { GraphSandbox } from '../../../src/sandbox/server';
import { SANDBOX_CLIENT_ID } from '../../../src/sandbox/identityPlatform';
import { assertAadsts, claimsOf, codeFor, control, grantedBy, identityCall, onPage, poll, refresh, runProbe } from './identityCalls';

/** A token by device code for these scopes, signed in as `user` with these directory roles. */
const signIn = async (sandbox: GraphSandbox, scope: string, options: { user?: string; roles?: string[] } = {}) =>
  (await grantedBy(sandbox, { scope, ...options })).access_token;

describe('sandbox: the identity platform (device code over https)', () => {
  let sandbox: GraphSandbox;
  // Polls here come back to back: no interval to wait out.
  before(async () => { sandbox = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 0 }); });
  after(async () => sandbox.close());

  it('serves metadata on https for the tenant id, its domains and organizations, and refuses other tenants', async () => {
    assert.match(sandbox.authority, /^https:\/\/127\.0\.0\.1:\d+$/);
    const tid = sandbox.store.tenant.organization.id;
    for (const tenant of [tid, 'contoso.onmicrosoft.com', 'organizations']) {
      const meta = await identityCall(sandbox, 'GET', `/${tenant}/v2.0/.well-known/openid-configuration`);
      assert.equal(meta.status, 200);
      assert.equal(meta.body.token_endpoint, `${sandbox.authority}/${tenant}/oauth2/v2.0/token`);
      assert.equal(meta.body.device_authorization_endpoint, `${sandbox.authority}/${tenant}/oauth2/v2.0/devicecode`);
    }
    assertAadsts(await identityCall(sandbox, 'GET', '/fabrikam.com/v2.0/.well-known/openid-configuration'), 400, 'invalid_tenant', 90002);
  });

  it('issues a Graph token for the scopes asked, once the code was entered', async () => {
    const code = await codeFor(sandbox);
    assert.equal(code.status, 200);
    assert.match(code.body.message, new RegExp(`enter the code ${code.body.user_code} `));
    assert.equal(code.body.verification_uri, `${sandbox.authority}/devicelogin`);
    const pending = await poll(sandbox, code.body.device_code);
    assert.equal(pending.body.error, 'authorization_pending');
    const page = await onPage(sandbox, { user_code: code.body.user_code, user: 'admin@contoso.com' });
    assert.match(page.body, /You have signed in/);
    const granted = await poll(sandbox, code.body.device_code);
    assert.equal(granted.status, 200);
    assert.equal(granted.body.scope, 'https://graph.microsoft.com/Directory.ReadWrite.All openid profile offline_access');
    const graph = await fetch(`${sandbox.url}/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups`, { headers: { Authorization: `Bearer ${granted.body.access_token}` } });
    assert.equal(graph.status, 200);
    const refreshed = await refresh(sandbox, granted.body.refresh_token, SANDBOX_CLIENT_ID, 'organizations', 'https://graph.microsoft.com/Directory.Read.All');
    assert.equal(refreshed.status, 200);
    // Real tokens carry every permission consented for the app, not only the one asked for.
    assert.equal(claimsOf(refreshed.body.access_token).scp, 'Directory.Read.All Directory.ReadWrite.All');
    assertAadsts(await poll(sandbox, code.body.device_code), 400, 'invalid_grant', 70000);
  });

  it("names the scope's Graph host as the audience: the sandbox's own and the Global one are served, another cloud's is refused", async () => {
    const graph = `${sandbox.url}/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups`;
    for (const [host, status] of [[sandbox.url, 200], ['https://graph.microsoft.com', 200], ['https://graph.microsoft.us', 401]] as const) {
      const token = await signIn(sandbox, `${host}/Directory.ReadWrite.All offline_access`);
      assert.equal(claimsOf(token).aud, host);
      const answer = await fetch(graph, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(answer.status, status, host);
      if (status === 401) assert.match(((await answer.json()) as any).error.message, /Invalid audience/);
    }
  });

  it("carries the signed-in user's directory roles: without an administrator role, writes get 403", async () => {
    const groups = `${sandbox.url}/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups`;
    const create = (token: string, name: string) => fetch(groups, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name }),
    });
    const cloudAdmin = await signIn(sandbox, 'https://graph.microsoft.com/Directory.ReadWrite.All', { user: 'cloudadmin@contoso.com', roles: ['Cloud Application Administrator'] });
    assert.equal((await fetch(groups, { headers: { Authorization: `Bearer ${cloudAdmin}` } })).status, 200);
    assert.equal((await create(cloudAdmin, 'Not by a cloud application administrator')).status, 403);
    const appAdmin = await signIn(sandbox, 'https://graph.microsoft.com/Directory.ReadWrite.All', { user: 'appadmin@contoso.com', roles: ['Application Administrator'] });
    const admin = await signIn(sandbox, 'https://graph.microsoft.com/.default');
    for (const [token, name] of [[appAdmin, 'By an application administrator'], [admin, 'By the default administrator']]) {
      const created = await create(token, name);
      assert.equal(created.status, 201, name);
      // The tenant is shared with the tests below.
      const id = ((await created.json()) as { id: string }).id;
      assert.equal((await fetch(`${groups}/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } })).status, 204);
    }
  });

  it('refuses at /devicecode only what it knows before any code exists: an unknown app, an unknown tenant, a missing parameter', async () => {
    assertAadsts(await codeFor(sandbox, '00000000-0000-0000-0000-000000000001'), 400, 'unauthorized_client', 700016);
    assertAadsts(await codeFor(sandbox, SANDBOX_CLIENT_ID, 'fabrikam.com'), 400, 'invalid_tenant', 90002);
    assertAadsts(await identityCall(sandbox, 'POST', '/organizations/oauth2/v2.0/devicecode', { scope: 'openid' }), 400, 'invalid_request', 900144);
    assertAadsts(await identityCall(sandbox, 'POST', '/organizations/oauth2/v2.0/token', { client_id: SANDBOX_CLIENT_ID }), 400, 'invalid_request', 900144);
  });

  it('signs in through @azure/identity end to end; the code is shown, the token is never printed', async function () {
    this.timeout(60_000);
    const { events, output } = await runProbe(sandbox, {}, async (event) => {
      if (event.event === 'code') await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: event.userCode });
    });
    assert.deepEqual(events.map((e) => e.event), ['code', 'done'], output);
    assert.match(events[0].message, /enter the code \w+ to authenticate/);
    assert.equal(events[1].cached, true, 'the second getToken is answered from the cache');
    assert.equal(events[1].groups, 7);
    assert.doesNotMatch(output, /eyJ[\w-]+\.eyJ/, 'no token in what the process printed');
  });
});
