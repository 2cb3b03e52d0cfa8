import * as assert from 'node:assert/strict';
import { P, useSandbox } from '../../support/sandboxClient';

const PATH = P.slice('/beta'.length);

describe('sandbox: $batch', () => {
  const fx = useSandbox();
  const batch = (requests: unknown[], token?: string) => fx.client.call('POST', '/beta/$batch', { body: { requests }, token });

  it('answers each request as if sent alone, in the order sent', async () => {
    const group = await fx.client.group('EU Frankfurt');
    const { status, body } = await batch([
      { id: '1', method: 'GET', url: `${PATH}/connectorGroups/${group.id}` },
      { id: '2', method: 'GET', url: `${PATH}/connectorGroups/00000000-0000-4000-8000-000000000000` },
      { id: '3', method: 'GET', url: `${PATH}/connectorGroups/${group.id}/members` },
    ]);
    assert.equal(status, 200);
    assert.deepEqual(body.responses.map((r: any) => [r.id, r.status]), [['1', 200], ['2', 404], ['3', 200]]);
    assert.equal(body.responses[0].body.name, 'EU Frankfurt');
    assert.equal(body.responses[1].body.error.code, 'Request_ResourceNotFound');
    assert.equal(body.responses[2].body.value.length, group.members.length);
  });

  it('carries out writes, with Content-Type in the inner headers', async () => {
    const { body } = await batch([
      { id: 'a', method: 'POST', url: `${PATH}/connectorGroups`, headers: { 'Content-Type': 'application/json' }, body: { name: 'Batched' } },
    ]);
    assert.equal(body.responses[0].status, 201);
    assert.ok((await fx.client.state()).groups.some((g) => g.name === 'Batched'));
  });

  it('refuses more than 20 requests, duplicate ids and a body without Content-Type', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/organization' }));
    assert.equal((await batch(many)).status, 400);
    assert.equal((await batch(many.slice(0, 20))).status, 200);
    assert.equal((await batch([{ id: '1', method: 'GET', url: '/organization' }, { id: '1', method: 'GET', url: '/organization' }])).status, 400);
    assert.equal((await batch([{ id: '1', method: 'POST', url: `${PATH}/connectorGroups`, body: { name: 'x' } }])).status, 400);
    assert.equal((await batch([])).status, 400);
    assert.equal((await batch([{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/beta/organization' }])).status, 400);
  });

  it('orders by dependsOn and answers 424 when a dependency failed', async () => {
    const { body } = await batch([
      { id: 'second', method: 'GET', url: '/organization', dependsOn: ['first'] },
      { id: 'first', method: 'DELETE', url: `${PATH}/connectorGroups/${(await fx.client.group('Default')).id}` },
      { id: 'unrelated', method: 'GET', url: '/organization' },
    ]);
    const byId = Object.fromEntries(body.responses.map((r: any) => [r.id, r.status]));
    assert.deepEqual(byId, { first: 400, second: 424, unrelated: 200 });
    const log = await fx.client.requests();
    const inner = log.filter((e) => e.batchRequestId);
    assert.deepEqual(inner.map((e) => e.method), ['DELETE', 'GET']);
  });

  it('refuses dependsOn naming an unknown id', async () => {
    assert.equal((await batch([{ id: '1', method: 'GET', url: '/organization', dependsOn: ['9'] }])).status, 400);
  });

  it('gives an inner request its own 429 with Retry-After', async () => {
    await fx.client.faults([{ path: '/organization$', status: 429, retryAfterSeconds: 3, times: 1 }]);
    const { status, body } = await batch([
      { id: '1', method: 'GET', url: '/organization' },
      { id: '2', method: 'GET', url: `${PATH}/connectorGroups` },
    ]);
    assert.equal(status, 200);
    assert.equal(body.responses[0].status, 429);
    assert.equal(body.responses[0].headers['Retry-After'], '3');
    assert.equal(body.responses[0].body.error.code, 'TooManyRequests');
    assert.equal(body.responses[1].status, 200);
  });

  it('checks write permission per inner request', async () => {
    const readOnly = await fx.client.issueToken(['Directory.Read.All']);
    const { status, body } = await batch([
      { id: '1', method: 'GET', url: '/organization' },
      { id: '2', method: 'DELETE', url: `${PATH}/connectorGroups/${(await fx.client.group('India Pune')).id}` },
    ], readOnly);
    assert.equal(status, 200);
    assert.equal(body.responses[0].status, 200);
    assert.equal(body.responses[1].status, 403);
    assert.equal(body.responses[1].body.error.code, 'Authorization_RequestDenied');
  });
});
