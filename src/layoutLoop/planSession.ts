// One tenant's layout loop: the plan last previewed for it, the run working on it, and what Undo
// takes back. A state machine of its own (no editor, no notification), so its rules are tested
// apart: one command at a time per tenant, and a new preview never loses what Undo can restore.
import type { Uri } from 'vscode';
import type { ConnectorGroupWithContents } from '../graph/types';
import { remainingSteps, undoSteps, type ApplyResult, type DoneChange } from '../layout/applyPlan';
import type { PlanStep } from '../layout/planner';
import type { GroupsJson } from '../layout/planWork';
import { l10n } from '../shared/l10n';

export interface Preview {
  file: Uri;
  /** A hash of the file's text as previewed: the steps are for that text. */
  textHash: string;
  /** The file's text as previewed (the worker reads it again when it needs the layout). */
  layoutText: string;
  prune: boolean;
  /** The tenant as the preview read it (as JSON: one string a slice, far lighter than a copy). */
  snapshot: GroupsJson;
  steps: PlanStep[];
  /** Outages (at the end, between steps) and what Undo cannot take back, in sentences. */
  warnings: string[];
  planUri: Uri;
}

export interface Run {
  steps: PlanStep[];
  result: ApplyResult;
  undoing: boolean;
}

export type SessionState =
  /** Nothing to send: no preview yet, or one that planned nothing. */
  | { kind: 'idle' }
  /** A previewed plan, not sent yet. */
  | { kind: 'ready' }
  /** Apply, Resume or Undo is working (asking, reading or sending): everything else on this tenant waits. */
  | { kind: 'working'; command: string }
  /** The last run, finished or stopped. */
  | { kind: 'ran'; run: Run };

export class PlanSession {
  /** Where the session is between commands. */
  private settled: Exclude<SessionState, { kind: 'working' }> = { kind: 'idle' };
  /** The command working on it, if one is. */
  private command?: string;
  private last?: Preview;
  /** Every change the runs made since the last Undo, in order (kept across previews). */
  private history: DoneChange[] = [];
  /** The steps an Undo that stopped left: they take back what came before `history`. */
  private pendingUndo: PlanStep[] = [];
  /** The tenant as the last run left it, to tell what changed since. */
  private leftBy?: GroupsJson;

  constructor(readonly tenantKey: string, private readonly tenantName: () => string) {}

  get state(): SessionState {
    return this.command !== undefined ? { kind: 'working', command: this.command } : this.settled;
  }

  get busy(): boolean {
    return this.command !== undefined;
  }

  get preview(): Preview | undefined {
    return this.last;
  }

  get afterRun(): GroupsJson | undefined {
    return this.leftBy;
  }

  /** A previewed plan not sent yet (a command checks this while it holds the session). */
  get canApply(): boolean {
    return this.settled.kind === 'ready';
  }

  /** The Apply or Resume that stopped before its last step, if that is where the session is. */
  get stoppedRun(): Run | undefined {
    const run = this.settled.kind === 'ran' ? this.settled.run : undefined;
    return run && !run.undoing && run.result.outcomes.some((o) => o.state !== 'done') ? run : undefined;
  }

  get canUndo(): boolean {
    return this.history.length > 0 || this.pendingUndo.length > 0;
  }

  /** The steps that take the runs' changes back: the latest changes in reverse, then what a stopped Undo left. */
  undoPlan(): PlanStep[] {
    // Groups made again are keyed new:N: the latest changes' keys start after those still pending.
    const pendingNew = this.pendingUndo.flatMap((s) => (s.kind === 'create' && /^new:\d+$/.test(s.group) ? [Number(s.group.slice(4)) + 1] : []));
    return [...undoSteps(this.history, Math.max(0, ...pendingNew)), ...this.pendingUndo];
  }

  /** What Undo could take back before a run: the journal keeps it, so a reload loses none of it. */
  undoBase(): { history: DoneChange[]; pendingUndo: PlanStep[] } {
    return { history: [...this.history], pendingUndo: [...this.pendingUndo] };
  }

  /** The session as a run's journal left it, after a reload or a crash. */
  restored(preview: Preview, run: Run, base: { history: DoneChange[]; pendingUndo: PlanStep[] }, groupsNow: ConnectorGroupWithContents[], nowJson: GroupsJson): void {
    this.assertFree();
    this.last = preview;
    this.history = [...base.history];
    this.pendingUndo = [...base.pendingUndo];
    this.record(run, groupsNow, nowJson);
    this.settled = { kind: 'ran', run };
  }

  /** Refused while a command works on this tenant: two runs at once would race each other. */
  assertFree(): void {
    if (this.command !== undefined) {
      throw new Error(l10n.t("'{0}' is busy with {1}: wait for it to finish (or cancel it), then try again.", this.tenantName(), this.command));
    }
  }

  /**
   * A new preview replaces the last one (and a stopped run's Resume); what Undo can restore is kept.
   * A refused preview (undefined) leaves nothing to apply, but the last plan stays for Undo's report.
   */
  previewed(preview: Preview | undefined): void {
    this.assertFree();
    this.last = preview ?? this.last;
    this.settled = preview && preview.steps.length > 0 ? { kind: 'ready' } : { kind: 'idle' };
  }

  /**
   * Runs one command's work with the session held; `task` reports the run it made, if it got so far.
   * A command that stops before sending (declined, refused) leaves the session as it was.
   */
  async working<T>(command: string, task: (ran: (run: Run, groupsAfter: ConnectorGroupWithContents[], afterJson: GroupsJson) => void) => Promise<T>): Promise<T> {
    this.assertFree();
    this.command = command;
    try {
      return await task((run, groupsAfter, afterJson) => {
        this.record(run, groupsAfter, afterJson);
        this.settled = { kind: 'ran', run };
      });
    } finally {
      this.command = undefined;
    }
  }

  private record(run: Run, groupsAfter: ConnectorGroupWithContents[], afterJson: GroupsJson): void {
    if (run.undoing) {
      // What was undone is no longer to undo; an Undo that stopped goes on from where it stopped.
      this.history = [];
      this.pendingUndo = remainingSteps(run.steps, run.result, groupsAfter);
    } else {
      this.history.push(...run.result.done);
    }
    this.leftBy = afterJson;
  }
}
