import * as assert from 'node:assert/strict';
import { signInFailure } from '../../../src/auth/signInFailure';

describe('sign-in failures in words', () => {
  it('takes a declined consent or a cancelled sign-in as a cancel, to be said nothing of', () => {
    for (const error of [new Error('User did not consent to login.'), new Error('Cancelled'), new Error('Canceled'),
      new Error('User Cancelled'), Object.assign(new Error('x'), { name: 'Canceled' })]) {
      assert.deepEqual(signInFailure(error), { kind: 'cancelled' }, error.message);
    }
  });

  it('says plainly that the sign-in service is out of reach, and points to the sandbox', () => {
    const offline = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND login.microsoftonline.com' } });
    const failure = signInFailure(offline);
    assert.equal(failure.kind, 'unreachable');
    assert.match((failure as { message: string }).message,
      /^The Microsoft sign-in service could not be reached \(fetch failed ENOTFOUND getaddrinfo ENOTFOUND login\.microsoftonline\.com\)\. .*open the sandbox tenant/);
  });

  it('says when the editor has no Microsoft sign-in at all', () => {
    const failure = signInFailure(new Error("Timed out waiting for authentication provider 'microsoft' to register."));
    assert.equal(failure.kind, 'unreachable');
    assert.match((failure as { message: string }).message, /^This editor has no Microsoft account sign-in/);
  });

  it('names consent and registration problems, which Grant Admin Consent or our own app registration fix', () => {
    const kinds = ['AADSTS65001: The user or administrator has not consented', 'AADSTS65002: Consent between first party application and first party resource must be configured',
      'AADSTS700016: Application with identifier x was not found', 'AADSTS50020: User account from identity provider does not exist in tenant', 'AADSTS90094: The grant requires admin permission.']
      .map((m) => signInFailure(new Error(m)));
    assert.deepEqual(kinds.map((k) => k.kind), ['consent', 'consent', 'consent', 'consent', 'consent']);
    const [consent, preAuthorised, unknownApp] = kinds as { message: string }[];
    assert.match(consent.message, /administrator can grant consent.*\(AADSTS65001\)$/);
    assert.match(preAuthorised.message, /set connectorGroups\.clientId/);
    assert.match(unknownApp.message, /not registered in this tenant's cloud/);
  });

  it('says what a new sign-in or the tenant fixes: single-tenant app without a tenant, unknown tenant, lapsed sign-in', () => {
    const said = ['AADSTS50194: Application is not configured as a multi-tenant application.', 'AADSTS90002: Tenant not found.',
      'AADSTS700082: The refresh token has expired due to inactivity.', 'AADSTS50076: multi-factor authentication is required']
      .map((m) => signInFailure(new Error(m)) as { kind: string; message: string });
    assert.deepEqual(said.map((s) => s.kind), ['refused', 'refused', 'refused', 'refused']);
    assert.match(said[0].message, /single-tenant.*tenant ID or domain.*\(AADSTS50194\)$/);
    assert.match(said[1].message, /does not know this tenant in this cloud/);
  });

  it("never takes MSAL's 'post request failed from the network' (a refusal) for a network failure", () => {
    const msal = new Error('post_request_failed: Post request failed from the network, could be a 4xx/5xx or a network unavailability. Please check the exact error code for details. invalid_grant');
    assert.deepEqual(signInFailure(msal), { kind: 'other' });
  });

  it('leaves other failures as they are', () => {
    assert.deepEqual(signInFailure(new Error('AADSTS12345: something new')), { kind: 'other' });
  });
});
