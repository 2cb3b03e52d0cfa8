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

  describe('fault rules on inner requests', () => {
    const rules = async () => (await fx.client.call('GET', '/_sandbox/faults')).body.value;
    const create = (name: string) => ({ id: name, method: 'POST', url: `${PATH}/connectorGroups`, headers: { 'Content-Type': 'application/json' }, body: { name } });

    it('delays the inner request, and so the batch answer, by a latency rule', async () => {
      await fx.client.faults([{ path: '/organization$', latencyMs: 400, times: 1 }]);
      const started = Date.now();
      const { status, body } = await batch([{ id: '1', method: 'GET', url: '/organization' }, { id: '2', method: 'GET', url: `${PATH}/connectors` }]);
      assert.equal(status, 200);
      assert.ok(Date.now() - started >= 390, `answered after ${Date.now() - started} ms`);
      assert.deepEqual(body.responses.map((r: any) => r.status), [200, 200]);
      assert.equal((await rules())[0].times, 0, 'the rule was used once, by the request it delayed');
    });

    it('drops the whole outer connection for a drop rule on an inner request; nothing after it runs', async () => {
      await fx.client.faults([{ method: 'POST', path: 'connectorGroups$', drop: true, times: 1 }]);
      const pune = await fx.client.group('India Pune');
      await assert.rejects(batch([
        { id: 'rename', method: 'PATCH', url: `${PATH}/connectorGroups/${pune.id}`, headers: { 'Content-Type': 'application/json' }, body: { name: 'Pune renamed' } },
        { ...create('Never made'), dependsOn: ['rename'] },
        { ...create('Not run either'), dependsOn: ['Never made'] },
      ]));
      const state = await fx.client.state();
      assert.ok(state.groups.some((g) => g.name === 'Pune renamed'), 'the request before the drop took effect');
      assert.ok(!state.groups.some((g) => g.name === 'Never made' || g.name === 'Not run either'));
      assert.equal((await rules())[0].times, 0);
      assert.equal((await batch([create('Made now')])).body.responses[0].status, 201, 'the rule is used up');
      const inner = (await fx.client.requests()).filter((e) => e.batchRequestId);
      assert.deepEqual(inner.map((e) => [e.method, e.status]), [['PATCH', 204], ['POST', 0], ['POST', 201]]);
    });

    it('makes the change, then drops the connection, for a drop rule with after', async () => {
      await fx.client.faults([{ method: 'POST', path: 'connectorGroups$', drop: true, after: true, times: 1 }]);
      await assert.rejects(batch([create('Made, then dropped')]));
      assert.ok((await fx.client.state()).groups.some((g) => g.name === 'Made, then dropped'));
    });

    it('makes the change, then answers the inner request with the fault, for a status rule with after', async () => {
      await fx.client.faults([{ method: 'POST', path: 'connectorGroups$', status: 503, retryAfterSeconds: 2, after: true, times: 1 }]);
      const { status, body } = await batch([create('Made, then failed')]);
      assert.equal(status, 200);
      assert.equal(body.responses[0].status, 503);
      assert.equal(body.responses[0].headers['Retry-After'], '2');
      assert.equal(body.responses[0].body.error.code, 'ServiceUnavailable');
      assert.ok((await fx.client.state()).groups.some((g) => g.name === 'Made, then failed'));
    });

    it('counts inner requests against skip and times like requests sent alone', async () => {
      await fx.client.faults([{ path: '/organization$', status: 429, skip: 1, times: 1 }]);
      const { body } = await batch(['1', '2', '3'].map((id) => ({ id, method: 'GET', url: '/organization' })));
      assert.deepEqual(body.responses.map((r: any) => r.status), [200, 429, 200]);
      assert.equal(body.responses[1].headers['Retry-After'], '1');
    });
  });
});
