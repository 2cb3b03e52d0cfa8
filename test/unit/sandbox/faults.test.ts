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
    for (const rules of [
      [{ status: 418 }], [{}], [{ status: 503, rate: 2 }], [{ readLagMs: -1 }],
      // A misspelt key or a value of the wrong type would make a rule that does something else.
      [{ status: 503, tims: 1 }], [{ latencyMs: 'slow' }], [{ drop: 'yes' }], [{ status: 503, times: -1 }], [{ status: 503, rate: '0.5' }],
    ]) {
      assert.equal((await fx.client.call('PUT', '/_sandbox/faults', { body: rules })).status, 400);
    }
  });

  it('lags reads behind writes by up to readLagMs, as replicas do; the control API sees the truth', async () => {
    await fx.client.options({ readLagMs: 400 });
    const created = await fx.client.call('POST', GROUPS, { body: { name: 'Lagging' } });
    assert.equal(created.status, 201);
    assert.ok((await fx.client.state()).groups.some((g) => g.name === 'Lagging'));
    const seen: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      const list = await fx.client.call('GET', `${GROUPS}?$filter=name eq 'Lagging'`);
      seen.push(list.body.value.length === 1);
    }
    assert.ok(seen.includes(false), 'some reads right after the write show the old state');
    await new Promise((resolve) => setTimeout(resolve, 450));
    for (let i = 0; i < 5; i++) {
      assert.equal((await fx.client.call('GET', `${GROUPS}/${created.body.id}`)).status, 200, 'every read after the lag sees the write');
    }
  });

  it('lags reads inside $batch too, and refuses a negative lag', async () => {
    assert.equal((await fx.client.call('PATCH', '/_sandbox/options', { body: { readLagMs: -5 } })).status, 400);
    await fx.client.options({ readLagMs: 10_000 });
    const group = await fx.client.group('India Pune');
    assert.equal((await fx.client.call('PATCH', `${GROUPS}/${group.id}`, { body: { name: 'Renamed' } })).status, 204);
    const batch = await fx.client.call('POST', '/beta/$batch', { body: { requests: Array.from({ length: 10 }, (_, i) => ({ id: String(i), method: 'GET', url: `/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${group.id}` })) } });
    assert.ok(batch.body.responses.some((r: any) => r.body.name === 'India Pune'), 'some inner reads show the old name');
  });
});
