// How long the extension host's thread is held while Preview Plan and Export Layout work on a big
// tenant: the same steps the commands take (the tenant to JSON in slices, the engine in the plan
// worker), with the event loop's delay measured meanwhile; and, for contrast, the engine run on
// the host's thread as it was before the worker. Also the host's heap after one and ten previews.
import type { ConnectorGroupWithContents } from '../../src/graph/types';
import { readLayout, writeLayout } from '../../src/layout/layoutFile';
import { groupsJson, PlanWorker } from '../../src/layout/planClient';
import { planNotes } from '../../src/layout/planImpact';
import { planLayout } from '../../src/layout/planner';
import type { GroupsJson } from '../../src/layout/planWork';
import { tenantLayout } from '../../src/layout/tenantLayout';

const TENANT = { id: '00000000-0000-4000-8000-000000000be0', displayName: 'Bench' };

/**
 * The longest the thread was held while `work` ran, in ms: a timer re-armed every millisecond
 * records the gaps between its calls (a task of the thread delays the next call by its length).
 */
export async function longestBlock(work: () => unknown): Promise<number> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  // The probe is armed before the work starts.
  await new Promise((resolve) => setTimeout(resolve, 5));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 5));
  running = false;
  return longest;
}

const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

export interface HostBlocking {
  previewMs: number;
  previewLongestMs: number;
  inThreadLongestMs: number;
  exportLongestMs: number;
  heapAfterOneMb: number;
  heapAfterTenMb: number;
  gcExposed: boolean;
}

export async function hostBlocking(groups: ConnectorGroupWithContents[]): Promise<HostBlocking> {
  const worker = new PlanWorker();
  try {
    // An unchanged layout: the preview an admin makes to check that nothing is left to do.
    const text = writeLayout(tenantLayout(groups, TENANT));
    // What a session keeps of a preview: the tenant as JSON, the plan, the tenant's side of the diff.
    let kept: { snapshot: GroupsJson; answer: unknown } | undefined;
    const preview = async () => {
      const snapshot = await groupsJson(groups);
      const answer = await worker.run({ kind: 'preview', groups: snapshot, text, tenant: TENANT });
      kept = { snapshot, answer };
    };
    await preview(); // the worker started and warmed up
    const started = performance.now();
    const previewLongestMs = await longestBlock(preview);
    const previewMs = performance.now() - started;
    const heapAfterOneMb = heapMb();
    for (let i = 0; i < 9; i++) await preview();
    const heapAfterTenMb = heapMb();
    const exportLongestMs = await longestBlock(async () => worker.run({ kind: 'write', groups: await groupsJson(groups), tenant: TENANT }));
    const inThreadLongestMs = await longestBlock(() => {
      const read = readLayout(text);
      if (!read.ok) throw new Error(read.problems[0].message);
      const plan = planLayout(groups, read.layout);
      if (plan.ok) planNotes(groups, plan.steps);
      writeLayout(tenantLayout(groups, TENANT, read.layout));
      structuredClone(groups);
    });
    if (!kept) throw new Error('no preview was made');
    return { previewMs, previewLongestMs, inThreadLongestMs, exportLongestMs, heapAfterOneMb, heapAfterTenMb, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' };
  } finally {
    worker.dispose();
  }
}
