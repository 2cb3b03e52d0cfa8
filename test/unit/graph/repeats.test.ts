// What a failure says about a write: a 429 did nothing, a connection that never opened did nothing,
// a 5xx or a lost answer may have done it, and a refusal of a repeat proves nothing alone (a
// DELETE's 404 excepted). One rule, checked here from the service's side.
import * as assert from 'node:assert/strict';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { GraphNetworkError, GraphRequestError, mayHaveTakenEffect } from '../../../src/graph/errors';
import { GraphHttp } from '../../../src/graph/graphHttp';
import { ConnectorGroupsApi } from '../../../src/graph/connectorGroupsApi';
import { UncertainOutcomeError } from '../../../src/operations/ambiguity';
import { createGroup } from '../../../src/operations/groupOperations';
import { moveConnectors } from '../../../src/operations/relocation';
import { TenantContents } from '../../../src/tenants/tenantContents';
import { gatewayFor, tenantAround, withServer } from '../../support/gateway';
import { useSandbox } from '../../support/sandboxClient';

const GROUPS = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const FAST = { retryDelaySeconds: 0 };
const QUICK_READ_BACK = { settleMs: 0, windowMs: 1000, intervalMs: 100 };

/** A port nothing listens on: connections to it are refused before anything is sent. */
async function closedPort(): Promise<string> {
  let origin = '';
  await withServer((_req, res) => res.end(), async (o) => { origin = o; });
  return origin;
}

describe('repeats: what a failed write says about the service', () => {
  const fx = useSandbox();

  it('does not take a refusal after a 429 for a repeat: the 429 did nothing', async () => {
    const group = await fx.client.group('India Pune');
    // Someone else deletes the group; our first attempt is throttled and the retry finds it gone.
    await fx.client.call('DELETE', `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${group.id}`);
    await fx.client.faults([{ method: 'DELETE', path: 'connectorGroups/', status: 429, retryAfterSeconds: 0, times: 1 }]);
    const { api } = gatewayFor(fx.client.url, fx.client.token, FAST);
    const error = await api.deleteGroup(group.id).then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphRequestError && error.status === 404, String(error));
    assert.equal(error.repeated, false, 'after a 429 the 404 is the first real answer');
    assert.equal(mayHaveTakenEffect(error), false);
  });

  it('takes a refusal after a 503 as "may have been done": the first attempt may have worked', async () => {
    let answered = 0;
    await withServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.statusCode = answered++ === 0 ? 503 : 400;
      res.end(JSON.stringify({ error: { code: res.statusCode === 503 ? 'ServiceUnavailable' : 'Request_BadRequest', message: 'No.' } }));
    }, async (origin) => {
      const { api } = gatewayFor(origin, 't', FAST);
      const error = await api.updateGroup({ id: '11111111-1111-4111-8111-111111111111', name: 'G', connectorGroupType: 'applicationProxy', isDefault: false, region: 'eur' }, { name: 'H' })
        .then(() => undefined, (e) => e);
      assert.ok(error instanceof GraphRequestError && error.status === 400, String(error));
      assert.equal(error.repeated, true);
      assert.equal(mayHaveTakenEffect(error), true);
    });
  });

  it('says a create sent to a closed port was not made, without reading back', async () => {
    const origin = await closedPort();
    const { api } = gatewayFor(origin, 't', FAST);
    const error = await api.createGroup({ name: 'Never sent' }).then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphNetworkError, String(error));
    assert.equal(error.outcomeUnknown, false);
    assert.doesNotMatch(error.message, /may or may not/);
    const started = Date.now();
    const told = await createGroup(new TenantContents(tenantAround(api)), { name: 'Never sent' }, new Set()).then(() => undefined, (e) => e);
    assert.ok(told instanceof GraphNetworkError, `a plain failure, not a read-back (${String(told)})`);
    assert.ok(Date.now() - started < 2000, 'no read-back window was spent');
  });

  it('does not say "may or may not have been made" when a $batch of reads times out', async function () {
    this.timeout(10_000);
    await withServer((req, res) => {
      if (req.url?.includes('$batch')) return; // never answers
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ value: [] }));
    }, async (origin) => {
      const { api } = gatewayFor(origin, 't', { ...FAST, timeoutMs: 300 });
      const error = await api.loadContents([{ id: '11111111-1111-4111-8111-111111111111', name: 'G', connectorGroupType: 'applicationProxy', isDefault: false, region: 'eur' }])
        .then(() => undefined, (e) => e);
      assert.ok(error instanceof GraphNetworkError, String(error));
      assert.equal(error.outcomeUnknown, false);
      assert.doesNotMatch(error.message, /may or may not/);
    });
  });

  it('never follows a redirect to another origin: the create body is not sent there', async () => {
    let elsewhere = 0;
    await withServer((_req, res) => { elsewhere++; res.end('{}'); }, async (other) => {
      await withServer((_req, res) => {
        res.statusCode = 307;
        res.setHeader('Location', `${other}/beta${GROUPS}`);
        res.end();
      }, async (origin) => {
        const { api } = gatewayFor(origin, 't', FAST);
        const error = await api.createGroup({ name: 'Redirected' }).then(() => undefined, (e) => e);
        assert.ok(error instanceof GraphRequestError && error.status === 307, String(error));
        assert.match(error.message, /not followed/);
      });
    });
    assert.equal(elsewhere, 0);
  });

  it('follows a redirect within the same service root for a read', async () => {
    await withServer((req, res, origin) => {
      if (req.url?.startsWith('/beta/old')) {
        res.statusCode = 308;
        res.setHeader('Location', `${origin}/beta/organization`);
        return res.end();
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ value: [{ id: 'o', displayName: 'Moved' }] }));
    }, async (origin) => {
      const { http } = gatewayFor(origin, 't', FAST);
      assert.deepEqual(await http.get('/old'), { value: [{ id: 'o', displayName: 'Moved' }] });
    });
  });
});

describe('loads and batches keep what succeeded', () => {
  const fx = useSandbox();

  it('drops a group deleted while its tenant loads instead of failing the tenant', async () => {
    const { api } = gatewayFor(fx.client.url, fx.client.token, FAST);
    const groups = await api.listGroups();
    const gone = await fx.client.group('India Pune');
    await fx.client.call('DELETE', `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${gone.id}`);
    const loaded = await api.loadContents(groups);
    assert.deepEqual(loaded.map((g) => g.id).sort(), groups.filter((g) => g.id !== gone.id).map((g) => g.id).sort());
  });

  it('records the connectors one chunk moved when another chunk could not be sent', async () => {
    await fx.client.reset({ groups: 3, connectors: 40, applications: 0 });
    const state = await fx.client.state();
    const target = state.groups.find((g) => g.isDefault)!;
    const moving = state.connectors.filter((c) => c.groupId !== target.id).map((c) => c.id);
    assert.ok(moving.length > 20);
    // The sign-in fails for every request after the first two (the load and the first chunk).
    let calls = 0;
    const credential: TokenCredential = {
      getToken: async (): Promise<AccessToken> => {
        if (++calls > 3) throw new Error('The sign-in expired.');
        return { token: fx.client.token, expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    const http = new GraphHttp({ origin: fx.client.url, credential, scopes: ['x'], retryDelaySeconds: 0, maxConcurrency: 1 });
    const contents = new TenantContents(tenantAround(new ConnectorGroupsApi(http)));
    await contents.load();
    assert.equal(contents.state.kind, 'loaded');
    const result = await moveConnectors(contents, moving, target.id, QUICK_READ_BACK);
    const after = await fx.client.state();
    const really = moving.filter((id) => after.connectors.find((c) => c.id === id)!.groupId === target.id);
    assert.equal(really.length, 20, 'the first chunk went through');
    assert.deepEqual([...result.moved].sort(), [...really].sort(), 'told exactly what moved');
    assert.equal(result.failed.length, moving.length - 20);
    assert.ok(result.failed.every((f) => !f.uncertain), 'the chunk that was never sent is known not to have moved');
    assert.deepEqual(contents.defaultGroup()!.members.filter((c) => moving.includes(c.id)).map((c) => c.id).sort(), [...really].sort());
  });

  it('sends a duplicate id once: Graph refuses a $batch whose ids repeat', async () => {
    const eu = await fx.client.group('EU Frankfurt');
    const home = await fx.client.group('Default');
    const { api } = gatewayFor(fx.client.url, fx.client.token, FAST);
    const outcomes = await api.moveConnectors([eu.members[0], eu.members[0], eu.members[1]], home.id);
    assert.ok([...outcomes.values()].every((o) => o.ok), JSON.stringify([...outcomes.values()]));
    assert.ok((await fx.client.group('Default')).members.includes(eu.members[0]));
  });

  it('tells an uncertain create apart: a lost answer is read back, a refused connection is not', async () => {
    await fx.client.faults([{ method: 'POST', path: 'connectorGroups$', drop: true, times: 1 }]);
    const { api } = gatewayFor(fx.client.url, fx.client.token, FAST);
    const told = await createGroup(new TenantContents(tenantAround(api)), { name: 'Dropped before' }, new Set(), QUICK_READ_BACK).then(() => undefined, (e) => e);
    assert.ok(told instanceof UncertainOutcomeError && told.found === 'notDone', String(told));
  });
});
