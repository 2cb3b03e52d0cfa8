import * as assert from 'node:assert/strict';
import { GraphInputError, GraphNetworkError, GraphRequestError, mayHaveTakenEffect } from '../../../src/graph/errors';
import { roundTripLevel, roundTripLine } from '../../../src/graph/middleware/roundTripMiddleware';
import { unassignApplication } from '../../../src/operations/relocation';
import { TenantContents } from '../../../src/tenants/tenantContents';
import { gatewayFor, tenantAround, withServer } from '../../support/gateway';
import { useSandbox } from '../../support/sandboxClient';

const GROUPS = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const FAST = { retryDelaySeconds: 0 };
const QUICK_READ_BACK = { settleMs: 0, windowMs: 1000, intervalMs: 100 };

describe('graph transport under faults: nothing lost, nothing doubled', () => {
  const fx = useSandbox();

  it('takes a 404 on a repeated DELETE as done: the first one took effect', async () => {
    await fx.client.faults([{ method: 'DELETE', path: 'connectorGroups/', status: 503, after: true, times: 1 }]);
    const { api } = gatewayFor(fx.client.url, fx.client.token, FAST);
    const group = await fx.client.group('India Pune');
    await api.deleteGroup(group.id);
    assert.deepEqual((await fx.client.requests()).filter((e) => e.method === 'DELETE').map((e) => e.status), [503, 404]);
    assert.ok(!(await fx.client.state()).groups.some((g) => g.id === group.id));
  });

  it('still reports a 404 on a first DELETE: that group was never there', async () => {
    const { api } = gatewayFor(fx.client.url, fx.client.token, FAST);
    const error = await api.deleteGroup('00000000-0000-4000-8000-000000000000').then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphRequestError);
    assert.equal(error.status, 404);
  });

  it('reads back an unassign whose answer was lost and whose repeat was refused, and finds it done', async () => {
    const state = await fx.client.state();
    const home = state.groups.find((g) => g.isDefault)!;
    const app = state.applications.find((a) => a.onPremisesPublishing && a.groupId !== home.id)!;
    await fx.client.faults([{ method: 'DELETE', path: 'connectorGroup/$ref', drop: true, after: true, times: 1 }]);
    const { api } = gatewayFor(fx.client.url, fx.client.token, FAST);
    // The repeat's 400 ("already in the default group") proves nothing alone: a change that may have happened.
    const refused = await api.unassignApplication(app.id).then(() => undefined, (e) => e);
    assert.ok(refused instanceof GraphRequestError && refused.status === 400 && refused.repeated, String(refused));
    assert.equal(mayHaveTakenEffect(refused), true);
    await fx.client.reset();
    await fx.client.faults([{ method: 'DELETE', path: 'connectorGroup/$ref', drop: true, after: true, times: 1 }]);
    const contents = new TenantContents(tenantAround(api));
    await contents.load();
    await unassignApplication(contents, app.id, app.displayName, QUICK_READ_BACK);
    assert.equal(contents.groupOfApplication(app.id)?.id, home.id);
    assert.equal((await fx.client.state()).applications.find((a) => a.id === app.id)!.groupId, home.id);
  });

  it('sends a $batch of idempotent moves again after a 503 or a dropped connection', async () => {
    await fx.client.faults([
      { method: 'POST', path: '/$batch', status: 503, times: 1 },
      { method: 'POST', path: '/$batch', drop: true, after: true, times: 1 },
    ]);
    const { api } = gatewayFor(fx.client.url, fx.client.token, FAST);
    const eu = await fx.client.group('EU Frankfurt');
    const home = await fx.client.group('Default');
    const outcomes = await api.moveConnectors(eu.members, home.id);
    assert.ok([...outcomes.values()].every((o) => o.ok), JSON.stringify([...outcomes.values()]));
    assert.deepEqual((await fx.client.group('EU Frankfurt')).members, []);
  });

  it('keeps the rounds that succeeded when a later round fails, naming each step', async () => {
    await fx.client.reset({ groups: 3, connectors: 40, applications: 0 });
    const state = await fx.client.state();
    const target = state.groups.find((g) => g.isDefault)!;
    const moving = state.connectors.filter((c) => c.groupId !== target.id).map((c) => c.id);
    assert.ok(moving.length > 20, `${moving.length} connectors to move`);
    // The first $batch goes through; every later one fails.
    await fx.client.faults([{ method: 'POST', path: '/$batch', status: 503, skip: 1 }]);
    const { api } = gatewayFor(fx.client.url, fx.client.token, { ...FAST, maxRetries: 1 });
    const outcomes = await api.moveConnectors(moving, target.id);
    const ok = [...outcomes.values()].filter((o) => o.ok).map((o) => o.id);
    const failed = [...outcomes.values()].filter((o) => !o.ok);
    assert.equal(ok.length, 20);
    assert.equal(failed.length, moving.length - 20);
    assert.ok(failed.every((o) => !o.ok && o.status === 503 && o.unknown));
    const after = await fx.client.state();
    assert.ok(ok.every((id) => after.connectors.find((c) => c.id === id)!.groupId === target.id));
  });

  it('loads 200 groups with their contents under 10% 503, 5% 429 and 3% dropped connections', async function () {
    this.timeout(120_000);
    await fx.client.reset({ groups: 200, connectors: 400, applications: 600 });
    await fx.client.faults([
      { status: 503, rate: 0.1 },
      { status: 429, rate: 0.05, retryAfterSeconds: 0 },
      // A drop is of a whole connection: one batch, not one of its inner requests.
      { drop: true, rate: 0.03, path: '^/beta/\\$batch$' },
    ]);
    const { api } = gatewayFor(fx.client.url, fx.client.token, FAST);
    const groups = await api.loadGroupsWithContents();
    assert.equal(groups.length, 200);
    assert.equal(groups.reduce((n, g) => n + g.members.length, 0), 400);
  });

  it('does not count the Retry-After wait against the timeout', async function () {
    this.timeout(10_000);
    await fx.client.faults([{ method: 'GET', path: 'connectorGroups$', status: 429, retryAfterSeconds: 2, times: 1 }]);
    const { api } = gatewayFor(fx.client.url, fx.client.token, { timeoutMs: 1000 });
    assert.ok((await api.listGroups()).length > 0);
  });
});

describe('graph transport: answers no sandbox would give', () => {
  it('times out a body that arrives too late as "no answer", with the outcome of a write unknown', async function () {
    this.timeout(10_000);
    await withServer((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.write('{"id":');
      setTimeout(() => res.end('"x"}'), 2000);
    }, async (origin) => {
      const { api } = gatewayFor(origin, 't', { timeoutMs: 500 });
      const error = await api.createGroup({ name: 'Late' }).then(() => undefined, (e) => e);
      assert.ok(error instanceof GraphNetworkError, String(error));
      assert.equal(error.outcomeUnknown, true);
      assert.match(error.message, /timed out/);
    });
  });

  it("refuses a next link that climbs out of /beta with '../'", async () => {
    await withServer((_req, res, origin) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ value: [], '@odata.nextLink': `${origin}/beta/../v1.0/users` }));
    }, async (origin) => {
      const { http, trips } = gatewayFor(origin, 't');
      await assert.rejects(http.getAll(GROUPS), GraphInputError);
      assert.equal(trips.length, 1);
    });
  });

  it('redacts anything that looks like a token in the service\'s error text', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXBhcnQ';
    await withServer((_req, res) => {
      res.statusCode = 400;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ error: { code: 'Request_BadRequest', message: `Bad header Authorization: Bearer ${jwt} and ${jwt}` } }));
    }, async (origin) => {
      const { api } = gatewayFor(origin, 't');
      const error = await api.listGroups().then(() => undefined, (e) => e);
      assert.ok(error instanceof GraphRequestError);
      assert.ok(!error.message.includes('eyJ'), error.message);
      assert.ok(!JSON.stringify(error).includes('eyJ'));
    });
  });

  it('looks up a name with a lone surrogate without throwing', async () => {
    let asked = '';
    await withServer((req, res) => {
      asked = req.url ?? '';
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ value: [] }));
    }, async (origin) => {
      const { api } = gatewayFor(origin, 't');
      assert.deepEqual(await api.findGroupsByName('Broken \ud800 name'), []);
      assert.match(asked, /%EF%BF%BD/);
    });
  });

  it('logs a next link with a malformed %-escape as it is, instead of failing the page', () => {
    const line = roundTripLine('Contoso', { method: 'GET', url: 'http://127.0.0.1:1/beta/x?$skiptoken=%E0%A4%A', status: 200, ms: 3 });
    assert.match(line, /skiptoken=%E0%A4%A/);
  });

  it('logs every change at Info and successful reads at Debug', () => {
    const trip = (method: string, status: number) => roundTripLevel({ method, url: 'http://127.0.0.1:1/beta/x', status, ms: 1 });
    assert.deepEqual(
      [trip('GET', 200), trip('POST', 201), trip('PATCH', 204), trip('DELETE', 204), trip('PUT', 204), trip('GET', 404), trip('POST', 0), trip('GET', 503)],
      ['debug', 'info', 'info', 'info', 'info', 'info', 'warn', 'warn'],
    );
  });
});
