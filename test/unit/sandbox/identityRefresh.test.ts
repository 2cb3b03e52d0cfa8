import * as assert from 'node:assert/strict';
import { GraphSandbox } from '../../../src/sandbox/server';
import { assertAadsts, control, grantedBy, refresh, runProbe } from './identityCalls';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A refresh token by device code, signed in as `user`. */
const refreshTokenFor = async (sandbox: GraphSandbox, user = 'admin@contoso.com') => (await grantedBy(sandbox, { user })).refresh_token;

describe('sandbox: refresh tokens that expire, are revoked, or need the user again', () => {
  let sandbox: GraphSandbox;
  before(async () => { sandbox = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 0 }); });
  after(async () => sandbox.close());

  it('answers invalid_grant AADSTS700082 for a refresh token past its lifetime', async () => {
    const short = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 0, identityRefreshTokenLifetimeSeconds: 1 });
    try {
      const token = await refreshTokenFor(short);
      assert.equal((await refresh(short, token)).status, 200);
      await sleep(1100);
      const expired = await refresh(short, token);
      assertAadsts(expired, 400, 'invalid_grant', 700082);
      assert.match(expired.body.error_description, /^AADSTS700082: The refresh token has expired due to inactivity\. The token was issued on \d{4}-/);
    } finally {
      await short.close();
    }
    const token = await refreshTokenFor(sandbox, 'idle@contoso.com');
    assert.equal((await control(sandbox, 'POST', '/_sandbox/refreshtokens/expire', { user: 'idle@contoso.com' })).status, 204);
    assertAadsts(await refresh(sandbox, token), 400, 'invalid_grant', 700082);
  });

  it("revokes one user's refresh tokens (invalid_grant AADSTS50173), leaving others' and the user's next sign-in working", async () => {
    const revoked = await refreshTokenFor(sandbox, 'leaver@contoso.com');
    const other = await refreshTokenFor(sandbox, 'stayer@contoso.com');
    assert.equal((await control(sandbox, 'POST', '/_sandbox/refreshtokens/revoke', { user: 'Leaver@contoso.com' })).status, 204);
    assertAadsts(await refresh(sandbox, revoked), 400, 'invalid_grant', 50173);
    assert.equal((await refresh(sandbox, other)).status, 200);
    assert.equal((await refresh(sandbox, await refreshTokenFor(sandbox, 'leaver@contoso.com'))).status, 200);
    assert.equal((await control(sandbox, 'POST', '/_sandbox/refreshtokens/revoke', {})).status, 204);
    assertAadsts(await refresh(sandbox, other), 400, 'invalid_grant', 50173);
  });

  it('answers interaction_required AADSTS50076 once a policy wants the user back, until they sign in again', async () => {
    const token = await refreshTokenFor(sandbox, 'mfa@contoso.com');
    assert.equal((await control(sandbox, 'POST', '/_sandbox/refreshtokens/require-interaction', { user: 'mfa@contoso.com' })).status, 204);
    const refused = await refresh(sandbox, token);
    assertAadsts(refused, 400, 'interaction_required', 50076);
    assert.match(refused.body.error_description, /multi-factor authentication/);
    assert.equal((await refresh(sandbox, await refreshTokenFor(sandbox, 'mfa@contoso.com'))).status, 200);
  });

  it('answers invalid_grant for a refresh token it never issued, and for one issued to another app', async () => {
    assertAadsts(await refresh(sandbox, 'not-a-refresh-token'), 400, 'invalid_grant', 9002313);
    const token = await refreshTokenFor(sandbox);
    assertAadsts(await refresh(sandbox, token, '5a4db0c5-0000-4c0d-9e00-0000000065a1'), 400, 'invalid_grant', 70000);
  });

  it('makes @azure/identity need the user again mid-session after interaction is required or the sessions are revoked', async function () {
    this.timeout(60_000);
    // Access tokens shorter than MSAL's five-minute margin: every getToken refreshes.
    const short = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 1, identityAccessTokenLifetimeSeconds: 60 });
    try {
      let prompts = 0;
      let answers = 0;
      // The credential never signs in by itself (disableAutomaticAuthentication): once the refresh token
      // is refused, each getToken says the user is needed, and no new code is shown.
      const { events, output } = await runProbe(short, { PROBE_AGAIN: '1' }, async (event, say) => {
        if (event.event === 'code') {
          prompts++;
          await control(short, 'POST', '/_sandbox/devicecodes/approve', { userCode: event.userCode });
          return;
        }
        answers++;
        if (answers === 2) await control(short, 'POST', '/_sandbox/refreshtokens/require-interaction', { user: 'admin@contoso.com' });
        if (answers === 3) await control(short, 'POST', '/_sandbox/refreshtokens/revoke', { user: 'admin@contoso.com' });
        say(answers <= 3 ? 'again' : 'quit');
      });
      assert.deepEqual(events.map((e) => e.event), ['code', 'done', 'again', 'failed', 'failed'], output);
      assert.equal(events[2].changed, true, 'a silent refresh, no prompt');
      assert.ok(events.slice(3).every((e) => e.name === 'AuthenticationRequiredError'), output);
      assert.equal(prompts, 1, 'no flow started by itself');
    } finally {
      await short.close();
    }
  });
});
