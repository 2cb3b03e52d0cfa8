// A run's journal against the sandbox: cut as a crash would cut it (between two steps, in the middle
// of one, with the last line torn), read back with the tenant as the crash left it, the changes it
// gives take the tenant back to where the run started. The start is recorded before the run.
import * as assert from 'node:assert/strict';
import { applySteps, undoSteps } from '../../../src/layout/applyPlan';
import type { Layout } from '../../../src/layout/layoutFile';
import { planLayout, type PlanStep } from '../../../src/layout/planner';
import { JOURNAL_VERSION, journalLine, journalRun, readJournal, type JournalEvent } from '../../../src/layout/runJournal';
import { tenantLayout } from '../../../src/layout/tenantLayout';
import type { TenantContents } from '../../../src/tenants/tenantContents';
import { useLayoutSandbox } from './layoutSandbox';

const FAST = { settleMs: 0, windowMs: 200, intervalMs: 50 };

describe('layout run journal: a crash at any point loses nothing Undo needs', function () {
  this.timeout(120_000);
  const sandbox = useLayoutSandbox();
  const { read, words } = sandbox;

  /** Every kind of step: create, rename, region, moves both ways, unassign and delete (prune). */
  function editedLayout(contents: TenantContents): Layout {
    const layout = tenantLayout(contents.groups, { id: 's' });
    layout.prune = true;
    const group = (name: string) => layout.connectorGroups.find((g) => g.name === name)!;
    const eu = group('EU Frankfurt');
    group('Default').connectors!.push(...eu.connectors!.splice(0, 2));
    eu.name = 'Europe Frankfurt';
    const wiki = eu.applications!.splice(eu.applications!.findIndex((a) => a.label === 'Wiki'), 1);
    layout.connectorGroups.push({ name: 'Helsinki', region: 'eur', connectors: [], applications: wiki });
    group('India Pune').region = 'aus';
    layout.connectorGroups = layout.connectorGroups.filter((g) => g.name !== 'Australia Sydney');
    return layout;
  }

  /** Runs the plan up to step `last` (whole), writing the journal as the extension does. */
  async function runTo(steps: PlanStep[], layout: Layout, last: number): Promise<{ lines: string[]; stepLines: number[] }> {
    const contents = await read();
    const lines = [journalLine({
      journal: JOURNAL_VERSION, tenantKey: 's', tenantName: 'Contoso', undoing: false, file: 'file:///a.connectorgroups.json', fileHash: 'h',
      layoutText: JSON.stringify(layout), planName: 'Plan – a.txt', steps, startedAt: '2026-12-02T00:00:00Z', history: [], pendingUndo: [],
    })];
    const stepLines: number[] = [];
    const append = (event: JournalEvent) => lines.push(journalLine(event));
    await applySteps(contents, steps, {
      timing: FAST,
      cancelled: () => stepLines.length > last,
      starting: (index, step) => append({ started: index, ...(step.kind === 'create' ? { sameName: contents.groups.filter((g) => g.name === step.name).map((g) => g.id) } : {}) }),
      finished: (index, outcome, change, created) => {
        append({ step: index, outcome, ...(change ? { change } : {}), ...(created ? { created } : {}) });
        stepLines.push(lines.length);
      },
    });
    return { lines, stepLines };
  }

  it('plans a run with every kind of step', async () => {
    await sandbox.client.reset();
    const plan = planLayout((await read()).groups, editedLayout(await read()));
    assert.ok(plan.ok);
    assert.deepEqual([...new Set(plan.steps.map((s) => s.kind))].sort(),
      ['assignApplications', 'create', 'delete', 'moveConnectors', 'rename', 'setRegion', 'unassignApplications']);
  });

  for (const cut of ['between two steps', 'in the middle of a step', 'with the last line torn'] as const) {
    it(`restores the start from the journal cut ${cut}, at every step`, async () => {
      await sandbox.client.reset();
      const start = await read();
      const layout = editedLayout(start);
      const plan = planLayout(start.groups, layout);
      assert.ok(plan.ok);
      for (let k = 0; k < plan.steps.length; k++) {
        await sandbox.client.reset();
        const before = await words();
        const { lines, stepLines } = await runTo(plan.steps, layout, k);
        // Between: the journal ends with step k's outcome. In the middle: step k was sent and done,
        // but its outcome line never reached the disk. Torn: half of that line did.
        const kept = cut === 'between two steps' ? lines.slice(0, stepLines[k]) : lines.slice(0, stepLines[k] - 1);
        const text = kept.join('') + (cut === 'with the last line torn' ? lines[stepLines[k] - 1].slice(0, 25) : '');
        const journal = readJournal(text);
        assert.ok(journal, `the journal cut after step ${k + 1} reads back`);
        assert.equal(journal.finished, false);
        assert.equal(journal.inFlight?.index, cut === 'between two steps' ? undefined : k);
        const after = await read();
        const run = journalRun(journal, after.groups, 'closed');
        assert.deepEqual(run.outcomes.slice(0, k).map((o) => o.state), Array(k).fill('done'));
        // Step k was sent and finished: read back from the tenant, it is done, and Resume or Undo
        // will not send it again.
        assert.equal(run.outcomes[k].state, 'done');
        const undone = await applySteps(after, undoSteps(run.done), { timing: FAST });
        assert.ok(undone.outcomes.every((o) => o.state === 'done'), `undo after step ${k + 1} (${cut}): ${JSON.stringify(undone.outcomes)}`);
        assert.deepEqual(await words(), before, `the start is back after a crash at step ${k + 1} (${cut})`);
      }
    });
  }

  it('refuses a journal of another version or with a damaged line before the last', () => {
    const header = journalLine({
      journal: JOURNAL_VERSION, tenantKey: 's', tenantName: 'C', undoing: false, file: 'f', fileHash: 'h',
      layoutText: '{}', planName: 'p', steps: [], startedAt: 'now', history: [], pendingUndo: [],
    });
    assert.ok(readJournal(header));
    assert.equal(readJournal(header.replace(`"journal":${JOURNAL_VERSION}`, '"journal":99')), undefined);
    assert.equal(readJournal(`${header}{"finishedAt":\n${journalLine({ finishedAt: 'now', cancelled: false })}`), undefined);
    assert.equal(readJournal(`${header}{"started":7}\n`), undefined, 'a step the plan does not have');
  });
});
