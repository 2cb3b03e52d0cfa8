// Round trips (not times) of the large-tenant paths, from the sandbox's own request log: a
// regression to one request per group, or to batches sent one after another, fails here.
import * as assert from 'node:assert/strict';
import { scaleTenant } from '../../../src/sandbox/seeds';
import { GraphSandbox } from '../../../src/sandbox/server';
import { TenantContents } from '../../../src/tenants/tenantContents';
import { gatewayFor, tenantAround } from '../../support/gateway';

const GROUPS = 120;
const batches = Math.ceil((GROUPS * 2) / 20);

describe('round trips on a large tenant', () => {
  let sandbox: GraphSandbox;
  const tenant = scaleTenant({ groups: GROUPS, connectors: 600, applications: 1200 });
  const applicationIds = [...tenant.applications.keys()];
  before(async () => {
    sandbox = await GraphSandbox.start({ tenant, latencyMs: 20 });
  });
  after(async () => sandbox.close());
  beforeEach(() => {
    sandbox.requests.length = 0;
    sandbox.inFlight.max = 0;
  });

  const outer = () => sandbox.requests.filter((e) => !e.batchRequestId);

  it('exports the whole tenant in one page of groups and one $batch per ten groups, several in flight', async () => {
    const { api, http } = gatewayFor(sandbox.url, sandbox.token);
    const groups = await api.loadGroupsWithContents();
    assert.equal(groups.length, GROUPS);
    assert.equal(groups.reduce((n, g) => n + g.members.length, 0), 600);
    assert.deepEqual(outer().map((e) => e.url.split('?')[0]).sort(), [
      '/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups',
      ...Array<string>(batches).fill('/beta/$batch'),
    ].sort());
    assert.match(outer().find((e) => e.url.includes('connectorGroups'))!.url, /\$top=999/);
    assert.ok(sandbox.inFlight.max > 1, `requests in flight at once: ${sandbox.inFlight.max}`);
    assert.ok(sandbox.inFlight.max <= http.concurrency.reached.high, `no more than the limit (${sandbox.inFlight.max} in flight)`);
  });

  it('paints the groups after one round trip, and an expanded group costs one more, ahead of the rest', async () => {
    const { api } = gatewayFor(sandbox.url, sandbox.token);
    const tenant = tenantAround(api, 'known');
    let firstPaint: { requests: number; groups: number } | undefined;
    const contents = new TenantContents(tenant, () => 60_000, () => {
      firstPaint ??= { requests: outer().length, groups: contents.groups.length };
    });
    const loaded = contents.load();
    while (!firstPaint) await new Promise((resolve) => setTimeout(resolve, 1));
    assert.deepEqual(firstPaint, { requests: 1, groups: GROUPS });
    const last = contents.groups[GROUPS - 1];
    assert.ok(contents.isPending(last.id));
    await contents.ensureGroup(last.id);
    assert.ok(!contents.isPending(last.id));
    assert.equal(contents.state.kind, 'loading', 'the expanded group came before the background load ended');
    const itsSteps = sandbox.requests.filter((e) => e.batchRequestId && e.url.includes(last.id));
    const itsBatch = sandbox.requests.filter((e) => e.batchRequestId === itsSteps[0].batchRequestId);
    assert.equal(itsBatch.length, 2, 'one $batch with its members and applications only');
    await loaded;
    assert.equal(contents.state.kind, 'loaded');
    assert.equal(outer().length, 1 + batches + 1, 'the background load, plus the one round trip of the expand');
  });

  it('reads every connector for the watch in pages of the largest size Graph allows, never one request per connector', async () => {
    const { api } = gatewayFor(sandbox.url, sandbox.token);
    const connectors = await api.listConnectors();
    assert.equal(connectors.length, 600);
    assert.deepEqual(outer().map((e) => e.url), ['/beta/onPremisesPublishingProfiles/applicationProxy/connectors?$top=999']);
  });

  it("reads the inventory's publishing settings in one $batch per 20 applications, each step with $select", async () => {
    const { api } = gatewayFor(sandbox.url, sandbox.token);
    const outcomes = await api.readApplications(applicationIds);
    assert.equal(applicationIds.length, 1200);
    assert.equal([...outcomes.values()].filter((o) => o.ok).length, 1200);
    assert.deepEqual(outer().map((e) => e.url), Array<string>(1200 / 20).fill('/beta/$batch'));
    const steps = sandbox.requests.filter((e) => e.batchRequestId);
    assert.equal(steps.length, 1200);
    assert.ok(steps.every((e) => /^\/beta\/applications\/[0-9a-f-]{36}\?\$select=id,appId,displayName,onPremisesPublishing$/.test(decodeURIComponent(e.url))), steps[0].url);
  });
});
