import * as assert from 'node:assert/strict';
import { applySteps, remainingSteps, undoSteps, type DoneChange } from '../../../src/layout/applyPlan';
import type { Layout } from '../../../src/layout/layoutFile';
import { planLayout, type PlanStep } from '../../../src/layout/planner';
import { tenantLayout } from '../../../src/layout/tenantLayout';
import { GraphSandbox } from '../../../src/sandbox/server';
import { TenantContents } from '../../../src/tenants/tenantContents';
import { gatewayFor, tenantAround } from '../../support/gateway';
import { SandboxClient } from '../../support/sandboxClient';

const FAST = { settleMs: 0, windowMs: 200, intervalMs: 50 };

describe('layout apply: a fault stops the run, Resume finishes it, Undo takes it back', function () {
  this.timeout(30_000);
  let sandbox: GraphSandbox;
  let client: SandboxClient;
  before(async () => {
    sandbox = await GraphSandbox.start();
    client = new SandboxClient(sandbox.url, sandbox.token);
  });
  after(async () => sandbox.close());
  beforeEach(async () => client.reset());

  async function read(): Promise<TenantContents> {
    const { api } = gatewayFor(sandbox.url, sandbox.token, { maxRetries: 0 });
    const tenant = tenantAround(api, 's');
    const contents = new TenantContents(tenant);
    await contents.load();
    return contents;
  }

  /** The demo tenant's layout with two connectors moved, a group renamed, one created and an application assigned. */
  function editedLayout(contents: TenantContents): Layout {
    const layout = tenantLayout(contents.groups, { id: 's' });
    const group = (name: string) => layout.connectorGroups.find((g) => g.name === name)!;
    const eu = group('EU Frankfurt');
    const moved = eu.connectors!.splice(0, 2);
    group('Default').connectors!.push(...moved);
    eu.name = 'Europe Frankfurt';
    const wiki = eu.applications!.splice(eu.applications!.findIndex((a) => a.label === 'Wiki'), 1);
    layout.connectorGroups.push({ name: 'Helsinki', region: 'eur', connectors: [], applications: wiki });
    return layout;
  }

  function text(contents: TenantContents, like: Layout): string {
    return JSON.stringify(tenantLayout(contents.groups, { id: 's' }, like));
  }

  it('stops at the failing step with Graph\'s message and request id, resumes to the file, and undoes to the start', async () => {
    const start = await read();
    const original = tenantLayout(start.groups, { id: 's' });
    const layout = editedLayout(start);
    const plan = planLayout(start.groups, layout);
    assert.ok(plan.ok);
    assert.deepEqual(plan.steps.map((s) => s.kind), ['create', 'rename', 'moveConnectors', 'assignApplications']);

    await client.faults([{ method: 'PATCH', path: 'connectorGroups/*', status: 500, times: 1 }]);
    const first = await applySteps(start, plan.steps, { timing: FAST });
    assert.deepEqual(first.outcomes.map((o) => o.state), ['done', 'failed', 'notTried', 'notTried']);
    assert.match(first.outcomes[1].message!, /An internal server error occurred\. \(HTTP 500 InternalServerError, request id [0-9a-f-]{36}\)/);
    assert.match(first.outcomes[1].requestId!, /^[0-9a-f-]{36}$/);
    assert.deepEqual(first.done.map((d) => d.kind), ['created']);

    // Resume: the tenant as it is now, planned again, is the rest of the work (the group made is not made twice).
    const middle = await read();
    const rest = planLayout(middle.groups, layout);
    assert.ok(rest.ok);
    assert.deepEqual(rest.steps.map((s) => s.kind), ['rename', 'moveConnectors', 'assignApplications']);
    const second = await applySteps(middle, rest.steps, { timing: FAST });
    assert.ok(second.outcomes.every((o) => o.state === 'done'));
    const end = await read();
    assert.equal(text(end, layout), JSON.stringify({ ...layout, connectorGroups: layout.connectorGroups.map((g) => g.id ? g : { id: end.groups.find((x) => x.name === g.name)!.id, ...g }) }));
    const state = await client.state();
    assert.equal(state.groups.filter((g) => g.name === 'Helsinki').length, 1);

    const done: DoneChange[] = [...first.done, ...second.done];
    const undo = undoSteps(done);
    assert.deepEqual(undo.map((s) => s.kind), ['assignApplications', 'moveConnectors', 'rename', 'delete']);
    const undone = await applySteps(end, undo, { timing: FAST });
    assert.ok(undone.outcomes.every((o) => o.state === 'done'), JSON.stringify(undone.outcomes));
    const back = await read();
    assert.equal(text(back, original), JSON.stringify(original));
  });

  it('a create whose answer is lost is read back, never sent twice, and the run goes on', async () => {
    const start = await read();
    const layout = editedLayout(start);
    const plan = planLayout(start.groups, layout);
    assert.ok(plan.ok);
    await client.faults([{ method: 'POST', path: 'connectorGroups$', drop: true, after: true, times: 1 }]);
    const result = await applySteps(start, plan.steps, { timing: FAST });
    assert.ok(result.outcomes.every((o) => o.state === 'done'), JSON.stringify(result.outcomes));
    const posts = (await client.requests()).filter((r) => r.method === 'POST' && /connectorGroups$/.test(r.url));
    assert.equal(posts.length, 1);
    assert.equal((await client.state()).groups.filter((g) => g.name === 'Helsinki').length, 1);
  });

  it('stops before the next step when cancelled, and says nothing was tried after', async () => {
    const start = await read();
    const plan = planLayout(start.groups, editedLayout(start));
    assert.ok(plan.ok);
    let steps = 0;
    const result = await applySteps(start, plan.steps, { timing: FAST, cancelled: () => steps === 2, starting: () => { steps++; } });
    assert.equal(result.cancelled, true);
    assert.deepEqual(result.outcomes.map((o) => o.state), ['done', 'done', 'notTried', 'notTried']);
  });

  it('keeps the part of a step that succeeded, and Undo takes back just that', async () => {
    const start = await read();
    const original = JSON.stringify(tenantLayout(start.groups, { id: 's' }));
    const layout = editedLayout(start);
    const plan = planLayout(start.groups, layout);
    assert.ok(plan.ok);
    const move = plan.steps.find((s): s is Extract<PlanStep, { kind: 'moveConnectors' }> => s.kind === 'moveConnectors')!;
    // The second connector's move is refused by a 500 inside the $batch; the first moves.
    await client.faults([{ method: 'POST', path: 'members/\\$ref$', status: 500, skip: 1, times: 1 }]);
    const result = await applySteps(start, plan.steps, { timing: FAST });
    assert.deepEqual(result.outcomes.map((o) => o.state), ['done', 'done', 'failed', 'notTried']);
    assert.equal(result.outcomes[2].doneItems, 1);
    const moved = result.done.find((d) => d.kind === 'connectorsMoved');
    assert.deepEqual(moved && moved.kind === 'connectorsMoved' ? moved.items.map((i) => i.id) : [], [move.connectors[0].id]);
    const undo = await applySteps(await read(), undoSteps(result.done), { timing: FAST });
    assert.ok(undo.outcomes.every((o) => o.state === 'done'));
    const back = await read();
    assert.equal(JSON.stringify(tenantLayout(back.groups, { id: 's' })), original);
  });

  it('an Undo that stops goes on from where it stopped, without doing anything twice', async () => {
    const start = await read();
    const original = JSON.stringify(tenantLayout(start.groups, { id: 's' }));
    const plan = planLayout(start.groups, editedLayout(start));
    assert.ok(plan.ok);
    const applied = await applySteps(start, plan.steps, { timing: FAST });
    assert.ok(applied.outcomes.every((o) => o.state === 'done'));
    const undo = undoSteps(applied.done);
    assert.deepEqual(undo.map((s) => s.kind), ['assignApplications', 'moveConnectors', 'rename', 'delete']);
    await client.faults([{ method: 'PATCH', path: 'connectorGroups/*', status: 500, times: 1 }]);
    const middle = await read();
    const stopped = await applySteps(middle, undo, { timing: FAST });
    assert.deepEqual(stopped.outcomes.map((o) => o.state), ['done', 'done', 'failed', 'notTried']);
    const rest = remainingSteps(undo, stopped, middle.groups);
    assert.deepEqual(rest.map((s) => s.kind), ['rename', 'delete']);
    const finished = await applySteps(await read(), rest, { timing: FAST });
    assert.ok(finished.outcomes.every((o) => o.state === 'done'), JSON.stringify(finished.outcomes));
    assert.equal(JSON.stringify(tenantLayout((await read()).groups, { id: 's' })), original);
  });
});
