import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { GraphSandbox } from '../../../src/sandbox/server';
import { rawExchange } from '../../support/rawExchange';
import { SandboxClient, P, useSandbox } from '../../support/sandboxClient';

/** Sends raw bytes to the Graph sandbox (see rawExchange). */
function raw(url: string, bytes: string, options: { endAfterMs?: number } = {}): Promise<string> {
  const { port } = new URL(url);
  return rawExchange(() => connect(Number(port), '127.0.0.1'), bytes, options);
}

async function alive(client: SandboxClient): Promise<void> {
  assert.equal((await client.call('GET', `${P}/connectorGroups`)).status, 200, 'the sandbox still answers');
}

describe('sandbox: survives any request', () => {
  const fx = useSandbox();

  it('answers a malformed URL with 400 instead of dying', async () => {
    const answer = await raw(fx.client.url, 'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 40\d/);
    await alive(fx.client);
  });

  it('answers a body over the limit with 413, not a reset', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(5 * 1024 * 1024) });
    const answer = await fx.client.call('POST', `${P}/connectorGroups`, { raw: big, headers: { 'Content-Type': 'application/json' } });
    assert.equal(answer.status, 413);
    assert.equal(answer.body.error.code, 'Request_EntityTooLarge');
    await alive(fx.client);
  });

  it('answers a body that is not JSON with 400, and a body of another type with 415', async () => {
    const notJson = await fx.client.call('POST', `${P}/connectorGroups`, { raw: '{name:', headers: { 'Content-Type': 'application/json' } });
    assert.equal(notJson.status, 400);
    const text = await fx.client.call('POST', `${P}/connectorGroups`, { raw: 'name=x', headers: { 'Content-Type': 'text/plain' } });
    assert.equal(text.status, 415);
    assert.match(text.body.error.message, /text\/plain/);
    const untyped = await raw(fx.client.url, `POST ${P}/connectorGroups HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${fx.client.token}\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{"name":"x"}`);
    assert.match(untyped, /^HTTP\/1\.1 400/);
    assert.match(untyped, /Content-Type header is set/);
    assert.ok(!(await fx.client.state()).groups.some((g) => g.name === 'x'));
  });

  it('answers a $filter nested thousands deep with 400', async () => {
    // Parentheses and `not` stay unescaped so that the URL fits in the header limit.
    const deep = `${'('.repeat(3000)}name%20eq%20'x'${')'.repeat(3000)}`;
    const nots = `${'not%20'.repeat(1500)}name%20eq%20'x'`;
    for (const filter of [deep, nots]) {
      const answer = await fx.client.call('GET', `${P}/connectorGroups?$filter=${filter}`);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error.code, 'Request_BadRequest');
    }
    await alive(fx.client);
  });

  it('answers a malformed %-escape in a reference with 400', async () => {
    const group = await fx.client.group('India Pune');
    const answer = await fx.client.call('POST', `${P}/connectorGroups/${group.id}/members/$ref`, {
      body: { '@odata.id': `${fx.client.url}/beta/onPremisesPublishingProfiles/applicationProxy/connectors/%E0%A4%A` },
    });
    assert.equal(answer.status, 400);
  });

  it('checks the token before any fault rule: an unauthenticated request gets 401, not the fault', async () => {
    await fx.client.faults([{ path: 'connectorGroups', status: 503 }]);
    const answer = await fx.client.call('GET', `${P}/connectorGroups`, { token: null });
    assert.equal(answer.status, 401);
    assert.equal((await fx.client.call('GET', `${P}/connectorGroups`)).status, 503);
  });

  it('matches fault paths as plain text with anchors, so no pattern can stall the server', async () => {
    // A catastrophic regular expression if it were one; as plain text it simply does not match.
    await fx.client.faults([{ path: '(a+)+$', status: 503 }]);
    const started = Date.now();
    const answer = await fx.client.call('GET', `${P}/connectorGroups?x=${'a'.repeat(5000)}!`);
    assert.equal(answer.status, 200);
    assert.ok(Date.now() - started < 1000);
    await fx.client.faults([{ path: '^/beta/*/connectors$', status: 504, times: 1 }]);
    assert.equal((await fx.client.call('GET', `${P}/connectorGroups`)).status, 200);
    assert.equal((await fx.client.call('GET', `${P}/connectors`)).status, 504);
  });

  it('refuses fault rules whose path is not text or is too long', async () => {
    for (const rules of [[{ path: 42, status: 503 }], [{ path: 'x'.repeat(2000), status: 503 }]]) {
      assert.equal((await fx.client.call('PUT', '/_sandbox/faults', { body: rules })).status, 400);
    }
  });
});

describe('sandbox: slow clients', () => {
  let sandbox: GraphSandbox;
  before(async () => { sandbox = await GraphSandbox.start({ headersTimeoutMs: 500, requestTimeoutMs: 1000 }); });
  after(async () => sandbox.close());

  it('closes a connection whose headers never finish', async () => {
    const started = Date.now();
    const answer = await raw(sandbox.url, 'GET /beta/organization HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    assert.ok(Date.now() - started < 5000, `closed after ${Date.now() - started} ms`);
    assert.ok(answer === '' || /^HTTP\/1\.1 408/.test(answer), answer);
  });

  it('closes a connection whose body never finishes, and keeps answering others', async () => {
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const req = request(`${sandbox.url}/beta${'/onPremisesPublishingProfiles/applicationProxy/connectorGroups'}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json', 'Content-Length': '1000' },
      });
      req.on('response', (res) => { res.resume(); res.on('end', resolve); });
      req.on('error', () => resolve());
      req.write('{"name":');
    });
    assert.ok(Date.now() - started < 5000, `closed after ${Date.now() - started} ms`);
    await alive(new SandboxClient(sandbox.url, sandbox.token));
  });
});
