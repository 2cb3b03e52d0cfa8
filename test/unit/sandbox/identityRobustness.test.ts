import * as assert from 'node:assert/strict';
import { connect } from 'node:tls';
import { GraphSandbox } from '../../../src/sandbox/server';
import { SANDBOX_CLIENT_ID } from '../../../src/sandbox/identityPlatform';
import { rawExchange } from '../../support/rawExchange';
import { codeFor, identityCall } from './identityCalls';

/** Sends raw bytes over TLS to the identity platform (see rawExchange). */
function raw(sandbox: GraphSandbox, bytes: string, options: { endAfterMs?: number } = {}): Promise<string> {
  const { port } = new URL(sandbox.authority);
  return rawExchange(() => connect({ port: Number(port), host: '127.0.0.1', ca: sandbox.certificate, servername: 'localhost' }), bytes, options);
}

async function alive(sandbox: GraphSandbox): Promise<void> {
  assert.equal((await codeFor(sandbox)).status, 200, 'the identity platform still answers');
}

describe('sandbox: the identity platform survives any request', () => {
  let sandbox: GraphSandbox;
  before(async () => { sandbox = await GraphSandbox.start({ identity: true, headersTimeoutMs: 500, requestTimeoutMs: 1000 }); });
  after(async () => sandbox.close());

  it('answers a malformed request target with 400 instead of resetting the connection', async () => {
    const answer = await raw(sandbox, 'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 400/);
    assert.match(answer, /"error":"invalid_request"/);
    await alive(sandbox);
  });

  it('answers a body over the limit with 413, not a reset', async () => {
    const answer = await identityCall(sandbox, 'POST', '/organizations/oauth2/v2.0/token', { grant_type: 'device_code', client_id: SANDBOX_CLIENT_ID, device_code: 'x'.repeat(5 * 1024 * 1024) });
    assert.equal(answer.status, 413);
    assert.equal(answer.body.error, 'invalid_request');
    await alive(sandbox);
  });

  it('reads a body of another type as no form: the parameters are missing, as the service finds', async () => {
    const json = await raw(sandbox, `POST /organizations/oauth2/v2.0/devicecode HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    assert.match(json, /^HTTP\/1\.1 400/);
    assert.match(json, /AADSTS900144: The request body must contain the following parameter: 'client_id'/);
  });

  it('cuts off a client too slow to send its request', async function () {
    this.timeout(10_000);
    const started = Date.now();
    // Headers never finished: the connection is closed after the headers timeout, with a 408 or nothing.
    const answer = await raw(sandbox, 'POST /organizations/oauth2/v2.0/token HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    assert.ok(Date.now() - started < 5000, 'closed within the limits');
    assert.match(answer, /^(HTTP\/1\.1 408|)/);
    await alive(sandbox);
  });
});
