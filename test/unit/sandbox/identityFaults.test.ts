import * as assert from 'node:assert/strict';
import { GraphSandbox } from '../../../src/sandbox/server';
import { assertAadsts, codeFor, control, identityCall, poll, runProbe } from './identityCalls';

describe('sandbox: the identity side under faults', () => {
  let sandbox: GraphSandbox;
  before(async () => { sandbox = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 0 }); });
  afterEach(async () => { await control(sandbox, 'DELETE', '/_sandbox/identityfaults'); });
  after(async () => sandbox.close());

  it('throttles with 429 and Retry-After, and fails with 503, in the service\'s error shape, then answers again', async () => {
    const code = await codeFor(sandbox);
    assert.equal((await control(sandbox, 'PUT', '/_sandbox/identityfaults', [
      { path: '/oauth2/v2.0/token$', status: 429, retryAfterSeconds: 7, times: 1 },
      { path: '/oauth2/v2.0/token$', status: 503, retryAfterSeconds: 2, times: 1 },
    ])).status, 204);
    const throttled = await poll(sandbox, code.body.device_code);
    assertAadsts(throttled, 429, 'temporarily_unavailable', 90055);
    assert.equal(throttled.headers['retry-after'], '7');
    const down = await poll(sandbox, code.body.device_code);
    assertAadsts(down, 503, 'temporarily_unavailable', 90033);
    assert.equal(down.headers['retry-after'], '2');
    assertAadsts(await poll(sandbox, code.body.device_code), 400, 'authorization_pending', 70016);
    const graph = await fetch(`${sandbox.url}/beta/organization`, { headers: { Authorization: `Bearer ${sandbox.token}` } });
    assert.equal(graph.status, 200, "the identity side's rules leave Graph alone");
  });

  it("answers a proxy's HTML page where JSON was expected, with an error status or with 200", async () => {
    await control(sandbox, 'PUT', '/_sandbox/identityfaults', [
      { path: 'devicecode', status: 502, html: true },
      { path: 'openid-configuration', status: 200, html: true },
    ]);
    const gateway = await codeFor(sandbox);
    assert.equal(gateway.status, 502);
    assert.match(String(gateway.headers['content-type']), /^text\/html/);
    assert.match(gateway.body, /^<!DOCTYPE html>.*502 Bad Gateway/s);
    const portal = await identityCall(sandbox, 'GET', '/organizations/v2.0/.well-known/openid-configuration');
    assert.equal(portal.status, 200);
    assert.match(String(portal.headers['content-type']), /^text\/html/);
    assert.match(portal.body, /sign in to the web proxy/);
  });

  it('checks the rules: html only on the identity side, known keys only, listed back as set', async () => {
    assert.equal((await control(sandbox, 'PUT', '/_sandbox/faults', [{ status: 502, html: true }])).status, 400);
    assert.equal((await control(sandbox, 'PUT', '/_sandbox/identityfaults', [{ status: 502, htlm: true }])).status, 400);
    assert.equal((await control(sandbox, 'PUT', '/_sandbox/identityfaults', [{ status: 200 }])).status, 400, '200 only as a page');
    assert.equal((await control(sandbox, 'PUT', '/_sandbox/identityfaults', [{ html: true }])).status, 400);
    await control(sandbox, 'PUT', '/_sandbox/identityfaults', [{ path: 'token', status: 429 }]);
    assert.deepEqual((await control(sandbox, 'GET', '/_sandbox/identityfaults')).body.value, [{ path: 'token', status: 429 }]);
    const started = await GraphSandbox.start({ identity: true, identityFaults: [{ path: 'devicecode', status: 503 }] });
    try {
      assert.equal((await codeFor(started)).status, 503);
    } finally {
      await started.close();
    }
  });

  it('lets @azure/identity ride out one 429 on the poll, and fail (not hang) on a proxy page', async function () {
    this.timeout(60_000);
    await control(sandbox, 'PUT', '/_sandbox/identityfaults', [{ path: '/token$', status: 429, retryAfterSeconds: 1, times: 1 }]);
    const throttled = await runProbe(sandbox, {}, async (event) => {
      if (event.event === 'code') await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: event.userCode });
    });
    assert.deepEqual(throttled.events.map((e) => e.event), ['code', 'done'], throttled.output);
    await control(sandbox, 'PUT', '/_sandbox/identityfaults', [{ path: '/token$', status: 502, html: true }]);
    const proxied = await runProbe(sandbox, {}, async (event) => {
      if (event.event === 'code') await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: event.userCode });
    });
    assert.deepEqual(proxied.events.map((e) => e.event), ['code', 'failed'], proxied.output);
  });
});
