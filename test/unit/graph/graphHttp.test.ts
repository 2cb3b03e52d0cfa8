import * as assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphInputError, GraphNetworkError, GraphRequestError } from '../../../src/graph/errors';
import { gatewayFor } from '../../support/gateway';
import { P, useSandbox } from '../../support/sandboxClient';

const GROUPS_PATH = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';

describe('graph transport: paging, retries, errors and safety', () => {
  const fx = useSandbox();
  const gateway = () => gatewayFor(fx.client.url, fx.client.token);

  it('follows @odata.nextLink across several pages', async () => {
    await fx.client.reset({ groups: 4, connectors: 250, applications: 0 });
    const { http, trips } = gateway();
    // Graph's default page (100), as a list read without $top gets it.
    const connectors = await http.getAll<{ id: string }>('/onPremisesPublishingProfiles/applicationProxy/connectors');
    assert.equal(connectors.length, 250);
    assert.equal(new Set(connectors.map((c) => c.id)).size, 250);
    assert.equal(trips.length, 3);
    assert.ok(trips.slice(1).every((t) => t.url.includes('$skiptoken=')));
  });

  it('waits for Retry-After on a 429, then succeeds', async () => {
    await fx.client.faults([{ method: 'GET', path: 'connectorGroups$', status: 429, retryAfterSeconds: 1, times: 1 }]);
    const { api, trips } = gateway();
    const started = Date.now();
    const groups = await api.listGroups();
    assert.ok(groups.length > 0);
    assert.deepEqual(trips.map((t) => t.status), [429, 200]);
    assert.ok(Date.now() - started >= 950, 'waited at least the Retry-After');
  });

  it('retries a throttled create once the wait is over, creating one group', async () => {
    await fx.client.faults([{ method: 'POST', path: 'connectorGroups$', status: 429, retryAfterSeconds: 1, times: 1 }]);
    const { api } = gateway();
    await api.createGroup({ name: 'Throttled once' });
    const log = (await fx.client.requests()).filter((e) => e.method === 'POST');
    assert.deepEqual(log.map((e) => e.status), [429, 201]);
    assert.equal((await fx.client.state()).groups.filter((g) => g.name === 'Throttled once').length, 1);
  });

  it('never sends a create twice after a 503 that may have taken effect', async () => {
    await fx.client.faults([{ method: 'POST', path: 'connectorGroups$', status: 503, after: true, times: 1 }]);
    const { api } = gateway();
    const error = await api.createGroup({ name: 'Maybe made' }).then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphRequestError);
    assert.equal(error.status, 503);
    assert.equal((await fx.client.requests()).filter((e) => e.method === 'POST').length, 1);
    assert.equal((await fx.client.state()).groups.filter((g) => g.name === 'Maybe made').length, 1);
  });

  it('never sends a create twice after a dropped connection, and says the outcome is unknown', async () => {
    await fx.client.faults([{ method: 'POST', path: 'connectorGroups$', drop: true, after: true, times: 1 }]);
    const { api } = gateway();
    const error = await api.createGroup({ name: 'Dropped' }).then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphNetworkError, String(error));
    assert.equal(error.outcomeUnknown, true);
    assert.match(error.message, /may or may not have been made/);
    assert.equal((await fx.client.requests()).filter((e) => e.method === 'POST').length, 1);
  });

  it('retries a read after a dropped connection', async () => {
    await fx.client.faults([{ method: 'GET', path: 'connectorGroups$', drop: true, times: 1 }]);
    const { api } = gateway();
    assert.ok((await api.listGroups()).length > 0);
  });

  it('retries a safe write after a 503 (moving a connector is idempotent)', async () => {
    await fx.client.faults([{ method: 'POST', path: 'members/\\$ref$', status: 503, retryAfterSeconds: 1, times: 1 }]);
    const { api } = gateway();
    const eu = await fx.client.group('EU Frankfurt');
    const home = await fx.client.group('Default');
    await api.moveConnector(eu.members[0], home.id);
    assert.ok((await fx.client.group('Default')).members.includes(eu.members[0]));
  });

  it('sends throttled inner $batch requests again after their Retry-After', async () => {
    await fx.client.faults([{ method: 'POST', path: 'members/\\$ref$', status: 429, retryAfterSeconds: 1, times: 2 }]);
    const { api, trips } = gateway();
    const eu = await fx.client.group('EU Frankfurt');
    const home = await fx.client.group('Default');
    const outcomes = await api.moveConnectors(eu.members, home.id);
    assert.ok([...outcomes.values()].every((o) => o.ok));
    assert.equal(trips.length, 2);
    assert.deepEqual((await fx.client.group('EU Frankfurt')).members, []);
  });

  it('shows the status when Graph sends an empty error code', async () => {
    const { http } = gateway();
    const error = await http.get(`${GROUPS_PATH}?$expand=members`).then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphRequestError);
    assert.equal(error.code, '');
    assert.match(error.message, /\(HTTP 400, request id/);
    assert.ok(error.graphMessage.length > 0);
  });

  it('refuses to follow a link to another host, so the token never leaves', async () => {
    const { http, trips } = gateway();
    await assert.rejects(http.getAll('https://attacker.example/beta/things'), GraphInputError);
    assert.equal(trips.length, 0);
  });

  it('keeps the token out of round-trip reports and error messages', async () => {
    const { api, trips } = gateway();
    const error = await api.deleteGroup((await fx.client.group('Default')).id).then(() => undefined, (e) => e);
    const everything = JSON.stringify(trips) + String(error?.message) + JSON.stringify(error);
    assert.ok(!everything.includes(fx.client.token));
    assert.ok(!everything.includes(fx.client.token.split('.')[2]));
  });

  it('reports a 401 from an expired token as a typed error', async () => {
    const expired = await fx.client.issueToken(['Directory.ReadWrite.All'], -10);
    const { api } = gatewayFor(fx.client.url, expired);
    const error = await api.listGroups().then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphRequestError);
    assert.equal(error.status, 401);
    assert.equal(error.code, 'InvalidAuthenticationToken');
  });
});

describe('graph transport: what goes on the wire', () => {
  it('sends the bearer token, an explicit Accept-Language and a client-request-id over http://', async () => {
    let seen: IncomingHttpHeaders | undefined;
    const server = createServer((req, res) => {
      seen = req.headers;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ value: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { api } = gatewayFor(`http://127.0.0.1:${port}`, 'test-token');
      await api.listGroups();
      assert.equal(seen?.authorization, 'Bearer test-token');
      assert.equal(seen?.['accept-language'], 'en-US');
      assert.match(String(seen?.['client-request-id']), /^[0-9a-f-]{36}$/);
    } finally {
      server.close();
    }
  });

  it('turns a non-JSON error page into a clear error', async () => {
    const server = createServer((_req, res) => {
      res.statusCode = 502;
      res.setHeader('Content-Type', 'text/html');
      res.end('<html>Bad gateway</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { api } = gatewayFor(`http://127.0.0.1:${port}`, 't');
      const error = await api.listGroups().then(() => undefined, (e) => e);
      assert.ok(error instanceof GraphRequestError);
      assert.equal(error.status, 502);
      assert.match(error.message, /502 with a body that is not JSON/);
    } finally {
      server.close();
    }
  });
});

void P;
