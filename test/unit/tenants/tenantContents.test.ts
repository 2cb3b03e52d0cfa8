import * as assert from 'node:assert/strict';
import type { ConnectorGroupWithContents } from '../../../src/graph/types';
import { DeadlineError } from '../../../src/tenants/deadline';
import type { Tenant } from '../../../src/tenants/tenant';
import { TenantContents } from '../../../src/tenants/tenantContents';
import { withWork, WorkCancelled } from '../../../src/graph/workContext';
import { scaleTenant } from '../../../src/sandbox/seeds';
import { GraphSandbox } from '../../../src/sandbox/server';
import { gatewayFor, tenantAround } from '../../support/gateway';
import { SandboxClient } from '../../support/sandboxClient';

/** A tenant whose group list answers when the test says so; `more` adds or replaces gateway calls. */
function tenantAnswering(groups: () => Promise<ConnectorGroupWithContents[]>, more: object = {}): Tenant {
  return {
    key: 't', kind: 'sandbox', displayName: 'T', tenantId: 't', account: 'a', portalOrigin: 'https://entra.microsoft.com',
    api: { listGroups: groups, loadGroupsWithContents: groups, loadContents: async () => [], ...more } as unknown as Tenant['api'],
    canWrite: () => true, dispose: () => undefined,
  };
}

describe('tenant contents: one deadline for a whole load', () => {
  it('gives up a load that outlives the deadline, with the setting named', async () => {
    const contents = new TenantContents(tenantAnswering(() => new Promise(() => undefined)), () => 50);
    const started = Date.now();
    await contents.load();
    assert.ok(Date.now() - started < 1000);
    assert.equal(contents.state.kind, 'failed');
    const error = (contents.state as { error: unknown }).error;
    assert.ok(error instanceof DeadlineError);
    assert.match(error.message, /did not answer within 0 s \(the connectorGroups\.requestTimeoutSeconds setting\)/);
  });

  it('keeps the last good groups when a refresh outlives it', async () => {
    let answer: () => Promise<ConnectorGroupWithContents[]> = async () => [];
    const contents = new TenantContents(tenantAnswering(() => answer()), () => 50);
    await contents.load();
    assert.equal(contents.state.kind, 'loaded');
    answer = () => new Promise(() => undefined);
    await contents.refresh();
    assert.equal(contents.state.kind, 'loaded');
    assert.ok((contents.state as { staleError?: unknown }).staleError instanceof DeadlineError);
  });
});

describe('tenant contents: a load given up sends nothing more', function () {
  this.timeout(30_000);
  let sandbox: GraphSandbox;
  before(async () => {
    sandbox = await GraphSandbox.start({ tenant: scaleTenant({ groups: 60, connectors: 120, applications: 120 }) });
  });
  after(async () => sandbox.close());

  it('stops sending at the deadline, and a refresh right after is not queued behind the abandoned load', async () => {
    // Each $batch takes 400 ms: the load needs 6 of them, 4 at a time, far past a 300 ms deadline.
    await new SandboxClient(sandbox.url, sandbox.token).faults([{ path: '/$batch', latencyMs: 400 }]);
    const { api } = gatewayFor(sandbox.url, sandbox.token, { retryDelaySeconds: 0, maxConcurrency: 4, startConcurrency: 4 });
    const contents = new TenantContents(tenantAround(api), () => 300);
    await contents.load();
    assert.ok(contents.state.kind === 'failed' && contents.state.error instanceof DeadlineError, contents.state.kind);
    // Requests are logged when answered: those in flight at the deadline are still to come.
    const outer = () => sandbox.requests.filter((e) => !e.batchRequestId);
    const expected = outer().length + sandbox.inFlight.now;
    // The proof of the negative: the requests in flight at the deadline end, and then none follow.
    while (sandbox.inFlight.now > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(sandbox.inFlight.now, 0);
    assert.equal(outer().length, expected, 'no request of the abandoned load reached the service after the deadline');

    await new SandboxClient(sandbox.url, sandbox.token).faults([]);
    const started = Date.now();
    sandbox.requests.length = 0;
    const refreshed = new TenantContents(tenantAround(api), () => 10_000);
    await refreshed.load();
    assert.equal(refreshed.state.kind, 'loaded');
    assert.ok(Date.now() - started < 3000, 'the new load had the slots at once');
  });
});

describe('tenant contents: each connector and application in one group', () => {
  const group = (id: string, members: string[], applications: string[] = []): ConnectorGroupWithContents => ({
    id, name: id, connectorGroupType: 'applicationProxy', isDefault: id === 'home', region: 'nam',
    members: members.map((m) => ({ id: m, machineName: m, externalIp: '', status: 'active', version: '1' })),
    applications: applications.map((a) => ({ id: a, appId: a, displayName: a })),
  });

  it('never lists a connector twice after a lagging read and a move back', async () => {
    // Graph's replicas: one read still shows C1 in 'a', another already in 'b'.
    let reads: Record<string, ConnectorGroupWithContents> = { home: group('home', []), a: group('a', ['C1']), b: group('b', []) };
    const tenant = tenantAnswering(async () => Object.values(reads), {
      loadContents: async () => Object.values(reads),
      getGroup: async (id: string) => reads[id],
      listMembers: async (id: string) => reads[id].members,
      listGroupApplications: async (id: string) => reads[id].applications,
    });
    const contents = new TenantContents(tenant);
    await contents.load();
    // A reload of 'b' sees C1 there, while 'a' was read before the move.
    reads = { ...reads, b: group('b', ['C1']) };
    await contents.reloadGroup('b');
    contents.moveConnector('C1', 'home');
    contents.moveConnector('C1', 'b');
    const holders = contents.groups.filter((g) => g.members.some((c) => c.id === 'C1')).map((g) => g.id);
    assert.deepEqual(holders, ['b']);
    assert.equal(contents.group('b')!.members.filter((c) => c.id === 'C1').length, 1);
  });

  it('shows an item two lists disagree on in one group after a load', async () => {
    const listed = [group('home', ['C1'], ['A1']), group('a', ['C1', 'C2', 'C2'], ['A1'])];
    // As the gateway does: each group handed over as it arrives, then the whole list.
    const tenant = tenantAnswering(async () => listed, {
      loadContents: async (_groups: unknown, arrived?: (g: ConnectorGroupWithContents) => void) => {
        listed.forEach((g) => arrived?.(g));
        return listed;
      },
    });
    const contents = new TenantContents(tenant);
    await contents.load();
    const all = contents.groups.flatMap((g) => g.members.map((c) => c.id));
    assert.deepEqual(all.sort(), ['C1', 'C2']);
    assert.deepEqual(contents.groups.flatMap((g) => g.applications.map((a) => a.id)), ['A1']);
  });
});

describe("tenant contents: the extension's own writes, replayed over lagging reads", () => {
  const group = (id: string): ConnectorGroupWithContents => ({ id, name: id, connectorGroupType: 'applicationProxy', isDefault: id === 'home', region: 'nam', members: [], applications: [] });

  it('shows a group it created although a lagging read leaves it out, until a change of unknown outcome makes it forget', async () => {
    // Each read a new answer, as from the wire.
    const read = async () => [group('home')];
    const contents = new TenantContents(tenantAnswering(read, { loadContents: read }));
    await contents.load();
    contents.put(group('made'));
    await contents.refresh();
    assert.ok(contents.group('made'), 'a replica behind the create does not hide it');
    // A delete of 'made' whose outcome is unknown: the next read alone says whether it is there.
    contents.forget('made');
    await contents.refresh();
    assert.equal(contents.group('made'), undefined);
  });
});

describe("tenant contents: a command's Cancel and the tree's shared load", function () {
  this.timeout(30_000);
  let sandbox: GraphSandbox;
  before(async () => {
    sandbox = await GraphSandbox.start({ tenant: scaleTenant({ groups: 30, connectors: 30, applications: 30 }) });
  });
  after(async () => sandbox.close());

  it('stops the waiting command at once, while the load it started goes on for the tree', async () => {
    const client = new SandboxClient(sandbox.url, sandbox.token);
    await client.faults([{ path: '/$batch', latencyMs: 300 }]);
    try {
      const { api } = gatewayFor(sandbox.url, sandbox.token, { retryDelaySeconds: 0 });
      const contents = new TenantContents(tenantAround(api), () => 20_000);
      const cancel = new AbortController();
      // A command that needs the tenant's groups starts its first load, then the person cancels.
      const waited = withWork({ signal: cancel.signal }, () => contents.load());
      setTimeout(() => cancel.abort(new WorkCancelled()), 100);
      const started = Date.now();
      await assert.rejects(waited, WorkCancelled);
      assert.ok(Date.now() - started < 1000, 'the command stops waiting at once');
      // The tree shares that load: it ends loaded, not failed with the command's Cancel.
      await contents.load();
      assert.equal(contents.state.kind, 'loaded', contents.state.kind === 'failed' ? String(contents.state.error) : contents.state.kind);
      assert.equal(contents.groups.length, 30);
    } finally {
      await client.faults([]);
    }
  });
});

describe('tenant contents: the figures of a first load', () => {
  it('tells the first load once, with its groups and times, and not a refresh', async () => {
    const group = (id: string): ConnectorGroupWithContents => ({ id, name: id, connectorGroupType: 'applicationProxy', isDefault: id === 'home', region: 'nam', members: [], applications: [] });
    const read = async (page?: (groups: ConnectorGroupWithContents[]) => void) => {
      const groups = [group('home'), group('a'), group('b')];
      page?.(groups);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return groups;
    };
    const told: { groups: number; ms: number; firstPageMs: number }[] = [];
    const contents = new TenantContents(tenantAnswering(read, { loadContents: async (groups: ConnectorGroupWithContents[]) => groups }), () => 10_000, () => undefined, (timing) => told.push(timing));
    await contents.load();
    await contents.refresh();
    assert.equal(told.length, 1);
    assert.equal(told[0].groups, 3);
    assert.ok(told[0].ms >= 25 && told[0].firstPageMs <= told[0].ms, JSON.stringify(told[0]));
  });
});
