// The plan session's rules, apart from any editor: one command at a time per tenant, a declined
// command changes nothing, and a new preview never loses what Undo can restore.
import * as assert from 'node:assert/strict';
import type { Uri } from 'vscode';
import type { ApplyResult } from '../../../src/layout/applyPlan';
import type { PlanStep } from '../../../src/layout/planner';
import { PlanSession, type Preview } from '../../../src/layoutLoop/planSession';
import { standardTenant } from '../layout/fixtures';

const uri = (path: string) => ({ path, toString: () => `file://${path}` }) as unknown as Uri;
const tenant = standardTenant();
const eu = tenant.find((g) => g.name === 'EU')!;
const rename: PlanStep = { kind: 'rename', group: eu.id, from: 'EU', to: 'Europe' };

function preview(steps: PlanStep[]): Preview {
  return { file: uri('/a.connectorgroups.json'), textHash: 'h', layoutText: '{}', prune: false, snapshot: [JSON.stringify(tenant)], steps, warnings: [], planUri: uri('/Plan – a.txt') };
}

/** The rename done (or failed) as applySteps reports it. */
function result(state: 'done' | 'failed'): ApplyResult {
  return {
    outcomes: [{ state }],
    done: state === 'done' ? [{ kind: 'renamed', id: eu.id, from: 'EU', to: 'Europe' }] : [],
    created: new Map(),
    cancelled: false,
  };
}

describe('plan session: one tenant, one command at a time, and Undo kept', () => {
  it('is ready after a preview with steps, idle after one without', () => {
    const session = new PlanSession('k', () => 'Contoso');
    session.previewed(preview([rename]));
    assert.equal(session.state.kind, 'ready');
    assert.ok(session.canApply);
    session.previewed(preview([]));
    assert.equal(session.state.kind, 'idle');
    assert.ok(!session.canApply);
  });

  it('refuses a preview and a second command while one works, naming the tenant and the command', async () => {
    const session = new PlanSession('k', () => 'Contoso');
    session.previewed(preview([rename]));
    let release!: () => void;
    const first = session.working('Apply Plan', () => new Promise<void>((resolve) => { release = resolve; }));
    assert.throws(() => session.previewed(preview([])), /'Contoso' is busy with Apply Plan/);
    await assert.rejects(session.working('Undo', async () => undefined), /'Contoso' is busy with Apply Plan/);
    assert.deepEqual(session.state, { kind: 'working', command: 'Apply Plan' });
    release();
    await first;
    assert.equal(session.state.kind, 'ready', 'a command that sent nothing leaves the session as it was');
  });

  it('leaves the session as it was when the command fails before sending', async () => {
    const session = new PlanSession('k', () => 'Contoso');
    session.previewed(preview([rename]));
    await assert.rejects(session.working('Apply Plan', async () => { throw new Error('declined'); }), /declined/);
    assert.equal(session.state.kind, 'ready');
  });

  it('keeps what Undo restores across a new preview, and empties it once Undo has run', async () => {
    const session = new PlanSession('k', () => 'Contoso');
    session.previewed(preview([rename]));
    await session.working('Apply Plan', async (ran) => ran({ steps: [rename], result: result('done'), undoing: false }, tenant, []));
    assert.equal(session.state.kind, 'ran');
    session.previewed(preview([]));
    assert.ok(session.canUndo, 'a preview that finds nothing to do keeps Undo');
    assert.deepEqual(session.undoPlan(), [{ kind: 'rename', group: eu.id, from: 'Europe', to: 'EU' }]);
    await session.working('Undo', async (ran) => ran({ steps: session.undoPlan(), result: result('done'), undoing: true }, tenant, []));
    assert.ok(!session.canUndo);
    assert.deepEqual(session.undoPlan(), []);
  });

  it('keys the groups an Undo makes again apart from those a stopped Undo still has to make', async () => {
    const session = new PlanSession('k', () => 'Contoso');
    session.previewed(preview([rename]));
    const deleted = (id: string, name: string): ApplyResult => ({
      outcomes: [{ state: 'done' }], done: [{ kind: 'deleted', id, name, region: 'eur' }], created: new Map(), cancelled: false,
    });
    await session.working('Apply Plan', async (ran) => ran({ steps: [rename], result: deleted('g1', 'First'), undoing: false }, tenant, []));
    // An Undo that stopped before its first step: it still has to make 'First' again, as new:0.
    const stopped: ApplyResult = { outcomes: [{ state: 'failed', message: 'x' }], done: [], created: new Map(), cancelled: false };
    await session.working('Undo', async (ran) => ran({ steps: session.undoPlan(), result: stopped, undoing: true }, tenant, []));
    await session.working('Apply Plan', async (ran) => ran({ steps: [rename], result: deleted('g2', 'Second'), undoing: false }, tenant, []));
    const creates = session.undoPlan().filter((s) => s.kind === 'create');
    assert.deepEqual(creates.map((s) => (s.kind === 'create' ? `${s.name} ${s.group}` : '')), ['Second new:1', 'First new:0']);
  });

  it('offers Resume only for an Apply that stopped, and a new preview replaces it', async () => {
    const session = new PlanSession('k', () => 'Contoso');
    session.previewed(preview([rename]));
    await session.working('Apply Plan', async (ran) => ran({ steps: [rename], result: result('failed'), undoing: false }, tenant, []));
    assert.ok(session.stoppedRun);
    assert.ok(!session.canApply, 'a plan that ran is resumed or previewed again, not applied twice');
    session.previewed(preview([rename]));
    assert.equal(session.stoppedRun, undefined);
    assert.ok(session.canApply);
  });
});
