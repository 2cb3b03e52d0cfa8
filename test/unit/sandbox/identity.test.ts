import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphSandbox } from '../../../src/sandbox/server';
import { SANDBOX_CLIENT_ID, UNCONSENTED_CLIENT_ID, VSCODE_CLIENT_ID } from '../../../src/sandbox/identityPlatform';

interface Answer { status: number; body: any }

/** A request to the sandbox's https identity endpoints, trusting its certificate. */
function identityCall(sandbox: GraphSandbox, method: string, pathname: string, form?: Record<string, string>): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(`${sandbox.authority}${pathname}`, {
      method, ca: sandbox.certificate,
      headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {},
    }, (res) => {
      let text = '';
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode!, body: /json/.test(String(res.headers['content-type'])) ? JSON.parse(text) : text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const codeFor = (sandbox: GraphSandbox, clientId: string, tenant = 'contoso.onmicrosoft.com', scope = 'https://graph.microsoft.com/Directory.ReadWrite.All offline_access') =>
  identityCall(sandbox, 'POST', `/${tenant}/oauth2/v2.0/devicecode`, { client_id: clientId, scope });
const poll = (sandbox: GraphSandbox, clientId: string, deviceCode: string) =>
  identityCall(sandbox, 'POST', '/contoso.onmicrosoft.com/oauth2/v2.0/token', { grant_type: 'device_code', client_id: clientId, device_code: deviceCode });

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

/** A token by device code for these scopes, signed in as `user` with these directory roles. */
async function signIn(sandbox: GraphSandbox, scope: string, options: { user?: string; roles?: string[] } = {}): Promise<string> {
  const code = await codeFor(sandbox, SANDBOX_CLIENT_ID, 'contoso.onmicrosoft.com', scope);
  const approved = await fetch(`${sandbox.url}/_sandbox/devicecodes/approve`, {
    method: 'POST', headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ userCode: code.body.user_code, ...options }),
  });
  assert.equal(approved.status, 204);
  const granted = await poll(sandbox, SANDBOX_CLIENT_ID, code.body.device_code);
  assert.equal(granted.status, 200, JSON.stringify(granted.body));
  return granted.body.access_token;
}

function assertAadsts(answer: Answer, status: number, code: number): void {
  assert.equal(answer.status, status);
  assert.deepEqual(answer.body.error_codes, [code]);
  assert.match(answer.body.error_description, new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: `));
  assert.equal(answer.body.error_uri, `https://login.microsoftonline.com/error?code=${code}`);
}

describe('sandbox: the identity platform (device code over https)', () => {
  let sandbox: GraphSandbox;
  before(async () => { sandbox = await GraphSandbox.start({ identity: true }); });
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
    assertAadsts(await identityCall(sandbox, 'GET', '/fabrikam.com/v2.0/.well-known/openid-configuration'), 400, 90002);
  });

  it('issues a Graph token for the scopes asked, once the code was entered', async () => {
    const code = await codeFor(sandbox, SANDBOX_CLIENT_ID);
    assert.equal(code.status, 200);
    assert.match(code.body.message, new RegExp(`enter the code ${code.body.user_code} `));
    assert.equal(code.body.verification_uri, `${sandbox.authority}/devicelogin`);
    const pending = await poll(sandbox, SANDBOX_CLIENT_ID, code.body.device_code);
    assert.equal(pending.body.error, 'authorization_pending');
    const page = await identityCall(sandbox, 'POST', '/devicelogin', { user_code: code.body.user_code, user: 'admin@contoso.com' });
    assert.match(page.body, /You have signed in/);
    const granted = await poll(sandbox, SANDBOX_CLIENT_ID, code.body.device_code);
    assert.equal(granted.status, 200);
    assert.equal(granted.body.scope, 'https://graph.microsoft.com/Directory.ReadWrite.All openid profile offline_access');
    const graph = await fetch(`${sandbox.url}/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups`, { headers: { Authorization: `Bearer ${granted.body.access_token}` } });
    assert.equal(graph.status, 200);
    const refreshed = await identityCall(sandbox, 'POST', '/organizations/oauth2/v2.0/token', {
      grant_type: 'refresh_token', client_id: SANDBOX_CLIENT_ID, refresh_token: granted.body.refresh_token, scope: 'https://graph.microsoft.com/Directory.Read.All',
    });
    assert.equal(refreshed.status, 200);
    // Real tokens carry every permission consented for the app, not only the one asked for.
    assert.equal(claimsOf(refreshed.body.access_token).scp, 'Directory.Read.All Directory.ReadWrite.All');
    assert.equal((await poll(sandbox, SANDBOX_CLIENT_ID, code.body.device_code)).body.error, 'invalid_grant', 'a code is used once');
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

  it('refuses as the service does: unknown app, VS Code\'s own app, no consent, a user of another tenant', async () => {
    assertAadsts(await codeFor(sandbox, '00000000-0000-0000-0000-000000000001'), 400, 700016);
    assertAadsts(await codeFor(sandbox, VSCODE_CLIENT_ID), 400, 65002);
    const unconsented = await codeFor(sandbox, UNCONSENTED_CLIENT_ID);
    sandbox.identity.approve(unconsented.body.user_code);
    assertAadsts(await poll(sandbox, UNCONSENTED_CLIENT_ID, unconsented.body.device_code), 400, 65001);
    const guest = await codeFor(sandbox, SANDBOX_CLIENT_ID);
    sandbox.identity.approve(guest.body.user_code, 'someone@fabrikam.com');
    assertAadsts(await poll(sandbox, SANDBOX_CLIENT_ID, guest.body.device_code), 400, 50020);
  });

  it('signs in through @azure/identity end to end; the code is shown, the token is never printed', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-ca-'));
    try {
      const certFile = path.join(dir, 'sandbox.pem');
      writeFileSync(certFile, sandbox.certificate);
      const probe = path.join(__dirname, '..', '..', 'support', 'deviceCodeProbe.js');
      const child = spawn(process.execPath, [probe], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile, PROBE_AUTHORITY: sandbox.authority, PROBE_GRAPH: sandbox.url, PROBE_TENANT: 'contoso.onmicrosoft.com', PROBE_CLIENT_ID: SANDBOX_CLIENT_ID },
      });
      let output = '';
      const events: any[] = [];
      child.stderr.on('data', (chunk) => { output += chunk; });
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk) => {
          output += chunk;
          for (const line of String(chunk).split('\n').filter(Boolean)) {
            const event = JSON.parse(line);
            events.push(event);
            if (event.event === 'code') sandbox.identity.approve(event.userCode);
          }
        });
        child.on('exit', () => resolve());
      });
      assert.deepEqual(events.map((e) => e.event), ['code', 'done'], output);
      assert.match(events[0].message, /enter the code \w+ to authenticate/);
      assert.equal(events[1].cached, true, 'the second getToken is answered from the cache');
      assert.equal(events[1].groups, 7);
      assert.doesNotMatch(output, /eyJ[\w-]+\.eyJ/, 'no token in what the process printed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
