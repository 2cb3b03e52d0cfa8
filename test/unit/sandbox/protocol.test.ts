import * as assert from 'node:assert/strict';
import { P, useSandbox } from '../../support/sandboxClient';

describe('sandbox: authentication, headers and routing', () => {
  const fx = useSandbox();

  it('binds to the loopback address only', () => {
    assert.match(fx.client.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  for (const [why, token] of [
    ['no token', null],
    ['a malformed token', 'not-a-jwt'],
    ['a token with a forged signature', 'eyJ0eXAiOiJKV1QifQ.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl'],
  ] as const) {
    it(`answers 401 InvalidAuthenticationToken for ${why}`, async () => {
      const { status, body, headers } = await fx.client.call('GET', `${P}/connectorGroups`, { token });
      assert.equal(status, 401);
      assert.equal(body.error.code, 'InvalidAuthenticationToken');
      assert.match(headers.get('www-authenticate') ?? '', /^Bearer/);
    });
  }

  it('answers 401 for an expired token', async () => {
    const expired = await fx.client.issueToken(['Directory.ReadWrite.All'], -60);
    const { status, body } = await fx.client.call('GET', `${P}/connectorGroups`, { token: expired });
    assert.equal(status, 401);
    assert.match(body.error.message, /expired/);
  });

  it('lets Directory.Read.All read and answers 403 Authorization_RequestDenied on every write', async () => {
    const readOnly = await fx.client.issueToken(['Directory.Read.All']);
    const group = await fx.client.group('India Pune');
    assert.equal((await fx.client.call('GET', `${P}/connectorGroups`, { token: readOnly })).status, 200);
    for (const [method, path, body] of [
      ['POST', `${P}/connectorGroups`, { name: 'x' }],
      ['PATCH', `${P}/connectorGroups/${group.id}`, { name: 'y' }],
      ['DELETE', `${P}/connectorGroups/${group.id}`, undefined],
    ] as const) {
      const answer = await fx.client.call(method, path, { token: readOnly, body });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.equal(answer.body.error.code, 'Authorization_RequestDenied');
    }
    assert.equal((await fx.client.group('India Pune')).name, 'India Pune');
  });

  it('answers 403 on reads for a token without a directory scope', async () => {
    const none = await fx.client.issueToken(['User.Read']);
    assert.equal((await fx.client.call('GET', `${P}/connectorGroups`, { token: none })).status, 403);
  });

  it('accepts Directory.AccessAsUser.All for writes', async () => {
    const token = await fx.client.issueToken(['Directory.AccessAsUser.All']);
    assert.equal((await fx.client.call('POST', `${P}/connectorGroups`, { token, body: { name: 'ok' } })).status, 201);
  });

  it("sends request-id, Date and Content-Type, echoes client-request-id, and repeats the ids in Graph's error body", async () => {
    const { headers, body } = await fx.client.call('GET', `${P}/connectorGroups/00000000-0000-4000-8000-000000000000`, {
      headers: { 'client-request-id': 'abc-123' },
    });
    assert.match(headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(headers.get('client-request-id'), 'abc-123');
    assert.ok(headers.get('date'));
    assert.match(headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(Object.keys(body.error).sort(), ['code', 'innerError', 'message']);
    assert.equal(body.error.innerError['request-id'], headers.get('request-id'));
    assert.equal(body.error.innerError['client-request-id'], 'abc-123');
    assert.match(body.error.innerError.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it("answers v1.0 with \"Resource not found for the segment 'onPremisesPublishingProfiles'\"", async () => {
    const { status, body } = await fx.client.call('GET', '/v1.0/onPremisesPublishingProfiles/applicationProxy/connectorGroups');
    assert.equal(status, 400);
    assert.equal(body.error.message, "Resource not found for the segment 'onPremisesPublishingProfiles'.");
  });

  it('answers 400 for an unknown segment and 405 for a method the resource does not take', async () => {
    const unknown = await fx.client.call('GET', `${P}/connectorGroupz`);
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /connectorGroupz/);
    const group = await fx.client.group('Default');
    const wrongMethod = await fx.client.call('PUT', `${P}/connectorGroups/${group.id}`, { body: { name: 'x' } });
    assert.equal(wrongMethod.status, 405);
  });

  it('keeps its control API behind the token', async () => {
    assert.equal((await fx.client.call('GET', '/_sandbox/state', { token: null })).status, 401);
    const readOnly = await fx.client.issueToken(['Directory.Read.All']);
    assert.equal((await fx.client.call('GET', '/_sandbox/state', { token: readOnly })).status, 403);
  });
});
