import * as assert from 'node:assert/strict';
import { GraphSandbox } from '../../../src/sandbox/server';
import { SANDBOX_CLIENT_ID, UNCONSENTED_CLIENT_ID, VSCODE_CLIENT_ID } from '../../../src/sandbox/identityPlatform';
import { assertAadsts, assertTextOnlyPage, claimsOf, codeFor, control, identityCall, onPage, poll, runProbe } from './identityCalls';

/** The AADSTS text a page shows, and the poll still pending behind it. */
async function shownOnPage(sandbox: GraphSandbox, clientId: string, form: Record<string, string>, code: number): Promise<{ userCode: string; deviceCode: string }> {
  const issued = await codeFor(sandbox, clientId);
  assert.equal(issued.status, 200, `no refusal before a code exists: ${JSON.stringify(issued.body)}`);
  const page = await onPage(sandbox, { user_code: issued.body.user_code, ...form });
  assertTextOnlyPage(page);
  assert.match(page.body, new RegExp(`AADSTS${code}: `));
  assert.match(page.body, new RegExp(`Error Code</dt><dd>${code}<`));
  assertAadsts(await poll(sandbox, issued.body.device_code, clientId), 400, 'authorization_pending', 70016);
  return { userCode: issued.body.user_code, deviceCode: issued.body.device_code };
}

describe('sandbox: sign-in problems appear on the device-login page, the poll stays pending', () => {
  let sandbox: GraphSandbox;
  before(async () => { sandbox = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 0 }); });
  beforeEach(async () => { await control(sandbox, 'POST', '/_sandbox/reset'); });
  after(async () => sandbox.close());

  it("shows no consent (65001), a user of another tenant (50020) and VS Code's own app (65002) on the page, until the user declines", async () => {
    await shownOnPage(sandbox, UNCONSENTED_CLIENT_ID, { user: 'user@contoso.com', roles: 'User' }, 65001);
    await shownOnPage(sandbox, SANDBOX_CLIENT_ID, { user: 'admin@fabrikam.com' }, 50020);
    const { userCode, deviceCode } = await shownOnPage(sandbox, VSCODE_CLIENT_ID, { user: 'admin@contoso.com' }, 65002);
    // Still pending after the refusal: the user may try another account, or give up.
    const declined = await onPage(sandbox, { user_code: userCode, user: 'admin@contoso.com', action: 'decline' });
    assertTextOnlyPage(declined);
    assert.match(declined.body, /declined to sign in/);
    assertAadsts(await poll(sandbox, deviceCode, VSCODE_CLIENT_ID), 400, 'authorization_declined', 65004);
    assertAadsts(await poll(sandbox, deviceCode, VSCODE_CLIENT_ID), 400, 'authorization_declined', 65004);
  });

  it('asks an administrator to consent on the page; the consent holds for later sign-ins until the tenant is reset', async () => {
    const first = await codeFor(sandbox, UNCONSENTED_CLIENT_ID);
    const asked = await onPage(sandbox, { user_code: first.body.user_code, user: 'appadmin@contoso.com', roles: 'Application Administrator' });
    assertTextOnlyPage(asked);
    assert.match(asked.body, /Permissions requested/);
    assert.match(asked.body, /<li>Directory\.ReadWrite\.All<\/li>/);
    assert.match(asked.body, /name="action" value="consent"/);
    assertAadsts(await poll(sandbox, first.body.device_code, UNCONSENTED_CLIENT_ID), 400, 'authorization_pending', 70016);
    const accepted = await onPage(sandbox, { user_code: first.body.user_code, user: 'appadmin@contoso.com', roles: 'Application Administrator', action: 'consent' });
    assert.match(accepted.body, /You have signed in/);
    const granted = await poll(sandbox, first.body.device_code, UNCONSENTED_CLIENT_ID);
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.equal(claimsOf(granted.body.access_token).scp, 'Directory.ReadWrite.All');

    const second = await codeFor(sandbox, UNCONSENTED_CLIENT_ID);
    const signedIn = await onPage(sandbox, { user_code: second.body.user_code, user: 'user@contoso.com', roles: 'User' });
    assert.match(signedIn.body, /You have signed in/, 'no prompt once an administrator consented');
    assert.equal((await poll(sandbox, second.body.device_code, UNCONSENTED_CLIENT_ID)).status, 200);

    await control(sandbox, 'POST', '/_sandbox/reset');
    await shownOnPage(sandbox, UNCONSENTED_CLIENT_ID, { user: 'user@contoso.com', roles: 'User' }, 65001);
  });

  it('answers bad_verification_code for a device code it never issued, expired_token once expired, invalid_grant once redeemed', async () => {
    assertAadsts(await poll(sandbox, 'not-a-device-code'), 400, 'bad_verification_code', 70018);
    const issued = await codeFor(sandbox);
    const deviceCode: string = issued.body.device_code;
    const tampered = `${deviceCode.slice(0, -2)}${deviceCode.endsWith('AA') ? 'BB' : 'AA'}`;
    assertAadsts(await poll(sandbox, tampered), 400, 'bad_verification_code', 70018);
    assertAadsts(await identityCall(sandbox, 'POST', '/organizations/oauth2/v2.0/token', { grant_type: 'device_code', client_id: SANDBOX_CLIENT_ID }), 400, 'invalid_request', 900144);
    assert.equal((await control(sandbox, 'POST', '/_sandbox/devicecodes/expire', { userCode: issued.body.user_code })).status, 204);
    assertAadsts(await poll(sandbox, deviceCode), 400, 'expired_token', 70020);
    assertAadsts(await poll(sandbox, deviceCode), 400, 'expired_token', 70020);
    const page = await onPage(sandbox, { user_code: issued.body.user_code, user: 'admin@contoso.com' });
    assert.doesNotMatch(page.body, /You have signed in/, 'an expired code cannot be signed in with');
  });

  it('signs in, declines and expires through the control API as the page would, refusing what the page refuses', async () => {
    const guest = await codeFor(sandbox);
    const refused = await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: guest.body.user_code, user: 'someone@fabrikam.com' });
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /AADSTS50020: User account 'someone@fabrikam\.com'/);
    const listed = (await control(sandbox, 'GET', '/_sandbox/devicecodes')).body.codes.find((c: any) => c.userCode === guest.body.user_code);
    assert.ok(listed, 'still waiting after a refused sign-in');
    assert.equal(listed.clientId, SANDBOX_CLIENT_ID);
    assert.equal(listed.tenant, 'contoso.onmicrosoft.com');
    assertAadsts(await poll(sandbox, guest.body.device_code), 400, 'authorization_pending', 70016);

    const unconsented = await codeFor(sandbox, UNCONSENTED_CLIENT_ID);
    const prompt = await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: unconsented.body.user_code });
    assert.equal(prompt.status, 400);
    assert.match(prompt.body.error.message, /consent: true/);
    assert.equal((await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: unconsented.body.user_code, user: 'user@contoso.com', roles: ['User'], consent: true })).status, 400,
      'a user without an administrator role cannot consent');
    assert.equal((await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: unconsented.body.user_code, consent: true })).status, 204);
    assert.equal((await poll(sandbox, unconsented.body.device_code, UNCONSENTED_CLIENT_ID)).status, 200);

    assert.equal((await control(sandbox, 'POST', '/_sandbox/devicecodes/decline', { userCode: guest.body.user_code })).status, 204);
    assertAadsts(await poll(sandbox, guest.body.device_code), 400, 'authorization_declined', 65004);
    assert.equal((await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: guest.body.user_code })).status, 400, 'a declined code is done');
  });

  it('signs in in-process as the page would: approve() is false for what the page refuses', async () => {
    const guest = await codeFor(sandbox);
    assert.equal(sandbox.identity.approve(guest.body.user_code, 'someone@fabrikam.com'), false);
    assert.ok(sandbox.identity.pendingCodes().includes(guest.body.user_code));
    assertAadsts(await poll(sandbox, guest.body.device_code), 400, 'authorization_pending', 70016);
    assert.equal(sandbox.identity.approve(guest.body.user_code), true);
    assert.equal((await poll(sandbox, guest.body.device_code)).status, 200);
  });

  it('serves the page as text only: a form, and the wrong code said plainly', async () => {
    const blank = await identityCall(sandbox, 'GET', '/devicelogin');
    assert.equal(blank.status, 200);
    assertTextOnlyPage(blank);
    assert.match(blank.body, /<form method="post" action="\/devicelogin">/);
    const wrong = await onPage(sandbox, { user_code: 'NOSUCHCODE', user: 'admin@contoso.com' });
    assertTextOnlyPage(wrong);
    assert.match(wrong.body, /That code didn&#39;t work/);
    const hostile = await onPage(sandbox, { user_code: '<script>alert(1)</script>', user: '"><script>x</script>' });
    assertTextOnlyPage(hostile);
  });

  it('lets @azure/identity keep polling through a refused sign-in, and fail with authorization_declined when the user declines', async function () {
    this.timeout(60_000);
    const { events, output } = await runProbe(sandbox, {}, async (event) => {
      if (event.event !== 'code') return;
      const refused = await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: event.userCode, user: 'someone@fabrikam.com' });
      assert.equal(refused.status, 400);
      // The credential is still polling: nothing it could see happened.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await control(sandbox, 'POST', '/_sandbox/devicecodes/decline', { userCode: event.userCode });
    });
    assert.deepEqual(events.map((e) => e.event), ['code', 'failed'], output);
    assert.match(events[1].message, /authorization_declined/);
  });
});
