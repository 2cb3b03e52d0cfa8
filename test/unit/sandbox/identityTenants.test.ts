import * as assert from 'node:assert/strict';
import { GraphSandbox } from '../../../src/sandbox/server';
import { SANDBOX_CLIENT_ID, SINGLE_TENANT_CLIENT_ID } from '../../../src/sandbox/identityPlatform';
import { assertAadsts, claimsOf, codeFor, control, identityCall, onPage, poll, refresh, runProbe } from './identityCalls';

const GROUPS = '/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups';

describe('sandbox: /organizations and /common, and single-tenant app registrations', () => {
  let sandbox: GraphSandbox;
  before(async () => { sandbox = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 0 }); });
  beforeEach(async () => { await control(sandbox, 'POST', '/_sandbox/reset'); });
  after(async () => sandbox.close());

  const graphStatus = async (token: string) => (await fetch(`${sandbox.url}${GROUPS}`, { headers: { Authorization: `Bearer ${token}` } })).status;

  it("signs a user in at /organizations and /common into their home tenant: the sandbox tenant's user reads its groups", async () => {
    const tid = sandbox.store.tenant.organization.id;
    for (const tenant of ['organizations', 'common']) {
      const code = await codeFor(sandbox, SANDBOX_CLIENT_ID, tenant);
      assert.equal(code.status, 200);
      assert.match((await onPage(sandbox, { user_code: code.body.user_code, user: 'admin@contoso.com' })).body, /You have signed in/);
      const granted = await poll(sandbox, code.body.device_code, SANDBOX_CLIENT_ID, tenant);
      assert.equal(granted.status, 200, JSON.stringify(granted.body));
      assert.equal(claimsOf(granted.body.access_token).tid, tid);
      assert.equal(claimsOf(granted.body.id_token).tid, tid);
      assert.equal(await graphStatus(granted.body.access_token), 200);
    }
    const meta = await identityCall(sandbox, 'GET', '/organizations/v2.0/.well-known/openid-configuration');
    assert.equal(meta.body.issuer, `${sandbox.authority}/{tenantid}/v2.0`);
  });

  it("signs another organisation's user into their own tenant, where the app needs their consent, and whose token this Graph refuses", async () => {
    const user = await codeFor(sandbox, SANDBOX_CLIENT_ID, 'organizations');
    const refused = await onPage(sandbox, { user_code: user.body.user_code, user: 'user@fabrikam.com', roles: 'User' });
    assert.match(refused.body, /AADSTS65001: /, "the app is consented in the sandbox tenant, not in the user's");
    assertAadsts(await poll(sandbox, user.body.device_code, SANDBOX_CLIENT_ID, 'organizations'), 400, 'authorization_pending', 70016);

    const admin = await codeFor(sandbox, SANDBOX_CLIENT_ID, 'organizations');
    assert.match((await onPage(sandbox, { user_code: admin.body.user_code, user: 'admin@fabrikam.com' })).body, /Permissions requested/);
    assert.match((await onPage(sandbox, { user_code: admin.body.user_code, user: 'admin@fabrikam.com', action: 'consent' })).body, /You have signed in/);
    const granted = await poll(sandbox, admin.body.device_code, SANDBOX_CLIENT_ID, 'organizations');
    assert.equal(granted.status, 200);
    const { tid } = claimsOf(granted.body.access_token);
    assert.notEqual(tid, sandbox.store.tenant.organization.id);
    assert.match(tid, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(await graphStatus(granted.body.access_token), 401);
    assert.equal((await refresh(sandbox, granted.body.refresh_token, SANDBOX_CLIENT_ID, 'organizations')).status, 200);
    assertAadsts(await refresh(sandbox, granted.body.refresh_token, SANDBOX_CLIENT_ID, 'contoso.onmicrosoft.com'), 400, 'invalid_grant', 50020);
    // The sandbox tenant's consent is untouched by the other tenant's.
    assert.match((await onPage(sandbox, { user_code: (await codeFor(sandbox, SANDBOX_CLIENT_ID, 'organizations')).body.user_code, user: 'user@fabrikam.com', roles: 'User' })).body, /You have signed in/,
      'now consented in fabrikam.com');
  });

  it('refuses a personal account at /organizations on the page', async () => {
    const code = await codeFor(sandbox, SANDBOX_CLIENT_ID, 'organizations');
    const page = await onPage(sandbox, { user_code: code.body.user_code, user: 'someone@outlook.com' });
    assert.match(page.body, /AADSTS50020: User account &#39;someone@outlook\.com&#39; from identity provider &#39;live\.com&#39;/);
  });

  it('refuses a single-tenant app at /organizations and /common with AADSTS50194, at /devicecode and /token; its own tenant serves it', async () => {
    const message = `AADSTS50194: Application '${SINGLE_TENANT_CLIENT_ID}'(Connector Groups (single tenant)) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`;
    for (const tenant of ['organizations', 'common']) {
      const refused = await codeFor(sandbox, SINGLE_TENANT_CLIENT_ID, tenant);
      assertAadsts(refused, 400, 'invalid_request', 50194);
      assert.ok(refused.body.error_description.startsWith(`${message}\r\n`), refused.body.error_description);
    }
    for (const tenant of ['contoso.onmicrosoft.com', sandbox.store.tenant.organization.id]) {
      const code = await codeFor(sandbox, SINGLE_TENANT_CLIENT_ID, tenant);
      assert.equal(code.status, 200);
      await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: code.body.user_code });
      const granted = await poll(sandbox, code.body.device_code, SINGLE_TENANT_CLIENT_ID, tenant);
      assert.equal(granted.status, 200);
      assert.equal(await graphStatus(granted.body.access_token), 200);
      assertAadsts(await refresh(sandbox, granted.body.refresh_token, SINGLE_TENANT_CLIENT_ID, 'organizations'), 400, 'invalid_request', 50194);
      assert.equal((await refresh(sandbox, granted.body.refresh_token, SINGLE_TENANT_CLIENT_ID, tenant)).status, 200);
    }
  });

  it('signs in through @azure/identity at /organizations, and fails a single-tenant app there with the refusal', async function () {
    this.timeout(60_000);
    const approve = async (event: { event: string; userCode?: string }) => {
      if (event.event === 'code') await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: event.userCode });
    };
    const multi = await runProbe(sandbox, { PROBE_TENANT: 'organizations' }, approve);
    assert.deepEqual(multi.events.map((e) => e.event), ['code', 'done'], multi.output);
    assert.equal(multi.events[1].groups, 7);
    const single = await runProbe(sandbox, { PROBE_TENANT: 'organizations', PROBE_CLIENT_ID: SINGLE_TENANT_CLIENT_ID }, approve);
    // msal-node does not look at /devicecode's status: it calls the prompt with no code (which the
    // extension does not show), then its first poll meets the same refusal and fails with its name only.
    assert.deepEqual(single.events.map((e) => e.event), ['failed'], single.output);
    assert.match(single.events[0].message, /invalid_request/);
  });
});
