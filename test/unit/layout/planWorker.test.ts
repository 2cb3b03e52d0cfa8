// The plan worker answers what the engine answers in place: the same plan, notes, text and marks,
// across a real worker thread (its own copy of the engine, the tenant sent as JSON slices). A
// request it cannot answer fails alone; a worker that dies fails what it held and is started again.
import * as assert from 'node:assert/strict';
import { writeLayout } from '../../../src/layout/layoutFile';
import { groupsJson, PlanWorker } from '../../../src/layout/planClient';
import { answer, type WorkRequest } from '../../../src/layout/planWork';
import { tenantLayout } from '../../../src/layout/tenantLayout';
import { edited, guid, list, standardTenant } from './fixtures';

describe('plan worker: the engine off the host thread', function () {
  this.timeout(30_000);
  const worker = new PlanWorker();
  after(() => worker.dispose());
  const tenant = standardTenant();
  const layout = edited(tenant, (g, l) => { list(l, 'connectors', 'C3', g.get('N2')!); list(l, 'applications', 'A2', g.get('N2')!); g.get('EU')!.name = 'Europe'; });
  const text = writeLayout(layout);

  it('sends the tenant in slices that put it back together as it was', async () => {
    const many = Array.from({ length: 7 }, () => tenant).flat().map((g, i) => ({ ...g, id: guid(`g${i}`) }));
    const slices = await groupsJson(many);
    assert.equal(slices.length, 1);
    assert.deepEqual(slices.flatMap((s) => JSON.parse(s)), many);
  });

  it('answers each kind of request as the engine does in place', async () => {
    const groups = await groupsJson(tenant);
    const requests: WorkRequest[] = [
      { kind: 'tenant', text },
      { kind: 'preview', groups, text, tenant: { id: guid('tenant'), displayName: 'Contoso' } },
      { kind: 'plan', groups, text },
      { kind: 'notes', groups, steps: [] },
      { kind: 'write', groups, tenant: { id: guid('tenant') }, like: text, prune: true },
      { kind: 'changed', before: groups, now: await groupsJson(tenant.map((g) => (g.name === 'N2' ? { ...g, name: 'N3' } : g))) },
      { kind: 'check', text: text.replace(guid('C3'), guid('C9')), tenants: [{ tenantId: guid('tenant'), name: 'Contoso', groups: tenant.map((g) => g.id).join('\n'), connectors: tenant.flatMap((g) => g.members.map((c) => c.id)).join('\n'), applications: '' }] },
      { kind: 'restore', groups, snapshot: writeLayout({ ...tenantLayout(tenant, { id: guid('tenant') }), prune: true }) },
    ];
    for (const request of requests) {
      const there = await worker.run(request);
      assert.deepEqual(there, answer(request), request.kind);
    }
    const preview = await worker.run({ kind: 'preview', groups, text, tenant: { id: guid('tenant') } });
    assert.ok(preview.read === 'ok' && preview.plan.ok && preview.plan.steps.length === 3, 'the preview planned the edit');
    assert.deepEqual(await worker.run({ kind: 'changed', before: groups, now: await groupsJson(tenant.map((g) => (g.name === 'N2' ? { ...g, name: 'N3' } : g))) }), ['N3']);
  });

  it('fails a request it cannot answer, and goes on with the next', async () => {
    await assert.rejects(worker.run({ kind: 'plan', groups: ['not json'], text }), /JSON/);
    assert.equal((await worker.run({ kind: 'tenant', text })).ok, true);
  });

  it('starts again after its thread ends', async () => {
    worker.dispose();
    assert.equal((await worker.run({ kind: 'tenant', text: '{' })).ok, false);
  });
});
