import * as assert from 'node:assert/strict';
import { P, useSandbox } from '../../support/sandboxClient';

describe('sandbox: fault injection', () => {
  const fx = useSandbox();
  const GROUPS = `${P}/connectorGroups`;

  it('answers 429 with Retry-After for matching requests, as many times as asked', async () => {
    await fx.client.faults([{ method: 'GET', path: 'connectorGroups$', status: 429, retryAfterSeconds: 2, times: 2 }]);
    const first = await fx.client.call('GET', GROUPS);
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '2');
    assert.equal(first.body.error.code, 'TooManyRequests');
    assert.equal((await fx.client.call('GET', GROUPS)).status, 429);
    assert.equal((await fx.client.call('GET', GROUPS)).status, 200);
    assert.equal((await fx.client.call('GET', `${P}/connectors`)).status, 200);
  });

  it('answers 503 and 504 with their codes', async () => {
    await fx.client.faults([{ path: 'connectors$', status: 503, times: 1 }, { path: 'connectorGroups$', status: 504, times: 1 }]);
    const unavailable = await fx.client.call('GET', `${P}/connectors`);
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.body.error.code, 'ServiceUnavailable');
    assert.equal((await fx.client.call('GET', GROUPS)).body.error.code, 'GatewayTimeout');
  });

  it('drops the connection without an answer', async () => {
    await fx.client.faults([{ path: 'connectorGroups$', drop: true, times: 1 }]);
    await assert.rejects(fx.client.call('GET', GROUPS));
    assert.equal((await fx.client.call('GET', GROUPS)).status, 200);
  });

  it('adds latency', async () => {
    await fx.client.faults([{ path: 'connectorGroups$', latencyMs: 200, times: 1 }]);
    const started = Date.now();
    assert.equal((await fx.client.call('GET', GROUPS)).status, 200);
    assert.ok(Date.now() - started >= 190);
  });

  it('hits a share of requests by rate', async () => {
    await fx.client.faults([{ path: 'organization$', status: 503, rate: 0.5 }]);
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await fx.client.call('GET', '/beta/organization')).status);
    const failed = statuses.filter((s) => s === 503).length;
    assert.ok(failed > 5 && failed < 35, `${failed} of 40 failed`);
  });

  it('can fail after the change was made, so the client cannot know the outcome', async () => {
    await fx.client.faults([{ method: 'POST', path: 'connectorGroups$', status: 503, after: true, times: 1 }]);
    const answer = await fx.client.call('POST', GROUPS, { body: { name: 'Made anyway' } });
    assert.equal(answer.status, 503);
    assert.ok((await fx.client.state()).groups.some((g) => g.name === 'Made anyway'));
  });

  it('refuses malformed fault rules', async () => {
    for (const rules of [[{ status: 418 }], [{ path: '(' , status: 503 }], [{}], [{ status: 503, rate: 2 }]]) {
      assert.equal((await fx.client.call('PUT', '/_sandbox/faults', { body: rules })).status, 400);
    }
  });
});
