// Running a plan's steps one after another through the same operations as the tree's commands
// (lost answers read back, creates never sent twice). A failure stops the run; what each step did is
// kept, so the report says what was done, and the changes made can be undone step by step.
import { GraphRequestError } from '../graph/errors';
import type { ConnectorGroup } from '../graph/types';
import { UncertainOutcomeError } from '../operations/ambiguity';
import { createGroup, deleteGroup, updateGroup } from '../operations/groupOperations';
import type { ReadBackTiming } from '../operations/readBack';
import { assignApplications, moveConnectors, unassignApplication, type Relocated } from '../operations/relocation';
import type { TenantContents } from '../tenants/tenantContents';
import { groupBy } from '../shared/groupBy';
import type { GroupKey, MovedItem, PlanStep } from './planner';

export type StepState = 'done' | 'failed' | 'notTried';

export interface StepOutcome {
  state: StepState;
  /** For a failed step: Graph's message (or the network's), with the request id when there is one. */
  message?: string;
  requestId?: string;
  /** For a step of several items that failed part-way: how many were done. */
  doneItems?: number;
}

/** A change the run made, with what it takes to undo it. */
export type DoneChange =
  | { kind: 'created'; id: string; name: string; region: string }
  | { kind: 'renamed'; id: string; from: string; to: string }
  | { kind: 'regionSet'; id: string; name: string; from: string; to: string }
  | { kind: 'connectorsMoved'; to: string; toName: string; items: MovedItem[] }
  | { kind: 'applicationsAssigned'; to: string; toName: string; items: MovedItem[] }
  /** `to`: the default group, where they went. */
  | { kind: 'unassigned'; to: string; items: MovedItem[] }
  | { kind: 'deleted'; id: string; name: string; region: string };

export interface ApplyResult {
  outcomes: StepOutcome[];
  /** The ids of the groups the run created, by their key in the steps. */
  created: Map<GroupKey, string>;
  /** The changes made, in order (what Undo takes back). */
  done: DoneChange[];
  cancelled: boolean;
}

export interface ApplyOptions {
  /** Asked before each step; true stops the run there. */
  cancelled?: () => boolean;
  /** Told before each step starts. */
  starting?: (index: number, step: PlanStep) => void;
  /** Told as each step ends: its outcome, the change it made (if any) and the id of a group it created. */
  finished?: (index: number, outcome: StepOutcome, change: DoneChange | undefined, createdId: string | undefined) => void;
  timing?: ReadBackTiming;
}

function failure(error: unknown, doneItems?: number): StepOutcome {
  const message = error instanceof Error ? error.message : String(error);
  // A lost answer that was read back carries Graph's error as its original.
  const graph = error instanceof UncertainOutcomeError ? error.original : error;
  return {
    state: 'failed',
    message,
    ...(graph instanceof GraphRequestError && graph.requestId ? { requestId: graph.requestId } : {}),
    ...(doneItems ? { doneItems } : {}),
  };
}

/** Thrown inside a step that did part of its work, so the done part is still recorded. */
class PartlyDone extends Error {
  constructor(readonly change: DoneChange | undefined, override readonly cause: unknown, readonly doneItems: number) {
    super('partly done');
  }
}

class Runner {
  /** The ids of the groups the plan creates, by their `new:N` key. */
  readonly created = new Map<GroupKey, string>();

  constructor(private readonly contents: TenantContents, private readonly timing?: ReadBackTiming) {}

  private id(key: GroupKey): string {
    return this.created.get(key) ?? key;
  }

  private group(key: GroupKey): ConnectorGroup {
    const id = this.id(key);
    return this.contents.group(id) ?? { id, name: id, connectorGroupType: 'applicationProxy', isDefault: false, region: '' };
  }

  private relocated(result: Relocated, items: MovedItem[], change: (moved: MovedItem[]) => DoneChange): DoneChange | undefined {
    const movedIds = new Set(result.moved);
    const moved = items.filter((i) => movedIds.has(i.id)).map((i) => ({ ...i, from: this.id(i.from) }));
    const done = moved.length > 0 ? change(moved) : undefined;
    if (result.failed.length > 0) throw new PartlyDone(done, result.failed[0].error, moved.length);
    return done;
  }

  async run(step: PlanStep): Promise<DoneChange | undefined> {
    const { contents, timing } = this;
    switch (step.kind) {
      case 'create': {
        const existing = new Set(contents.groups.map((g) => g.id));
        const { group } = await createGroup(contents, { name: step.name, ...(step.region ? { region: step.region } : {}) }, existing, timing);
        this.created.set(step.group, group.id);
        return { kind: 'created', id: group.id, name: group.name, region: group.region ?? '' };
      }
      case 'rename': {
        const group = this.group(step.group);
        await updateGroup(contents, group, { name: step.to }, timing);
        return { kind: 'renamed', id: group.id, from: step.from, to: step.to };
      }
      case 'setRegion': {
        const group = this.group(step.group);
        await updateGroup(contents, group, { region: step.to }, timing);
        return { kind: 'regionSet', id: group.id, name: group.name, from: step.from, to: step.to };
      }
      case 'moveConnectors': {
        const to = this.id(step.to);
        const result = await moveConnectors(contents, step.connectors.map((c) => c.id), to, timing);
        return this.relocated(result, step.connectors, (items) => ({ kind: 'connectorsMoved', to, toName: step.toName, items }));
      }
      case 'assignApplications': {
        const to = this.id(step.to);
        const result = await assignApplications(contents, step.applications.map((a) => a.id), to, timing);
        return this.relocated(result, step.applications, (items) => ({ kind: 'applicationsAssigned', to, toName: step.toName, items }));
      }
      case 'unassignApplications': {
        const home = contents.defaultGroup()?.id ?? '';
        const done: MovedItem[] = [];
        for (const item of step.applications) {
          try {
            await unassignApplication(contents, item.id, item.label, timing);
          } catch (error) {
            throw new PartlyDone(done.length ? { kind: 'unassigned', to: home, items: done } : undefined, error, done.length);
          }
          done.push({ ...item, from: this.id(item.from) });
        }
        return { kind: 'unassigned', to: home, items: done };
      }
      case 'delete': {
        const group = this.group(step.group);
        await deleteGroup(contents, group, timing);
        return { kind: 'deleted', id: group.id, name: step.name, region: step.region };
      }
    }
  }
}

/** Runs the steps in order until one fails or the run is cancelled. */
export async function applySteps(contents: TenantContents, steps: PlanStep[], options: ApplyOptions = {}): Promise<ApplyResult> {
  const runner = new Runner(contents, options.timing);
  const outcomes: StepOutcome[] = steps.map(() => ({ state: 'notTried' }));
  const done: DoneChange[] = [];
  for (let i = 0; i < steps.length; i++) {
    if (options.cancelled?.()) return { outcomes, done, created: runner.created, cancelled: true };
    options.starting?.(i, steps[i]);
    const step = steps[i];
    const createdId = () => (step.kind === 'create' ? runner.created.get(step.group) : undefined);
    try {
      const change = await runner.run(step);
      if (change) done.push(change);
      outcomes[i] = { state: 'done' };
      options.finished?.(i, outcomes[i], change, createdId());
    } catch (error) {
      const change = error instanceof PartlyDone ? error.change : undefined;
      if (change) done.push(change);
      outcomes[i] = error instanceof PartlyDone ? failure(error.cause, error.doneItems) : failure(error);
      options.finished?.(i, outcomes[i], change, createdId());
      break;
    }
  }
  return { outcomes, done, created: runner.created, cancelled: false };
}

/**
 * The steps a run did not finish, to run again later: groups it created are named by their ids, and
 * items a half-done step already moved are left out (the tenant as read now says where they are).
 */
export function remainingSteps(steps: PlanStep[], result: ApplyResult, groups: { id: string; members: { id: string }[]; applications: { id: string }[] }[]): PlanStep[] {
  const id = (key: GroupKey) => result.created.get(key) ?? key;
  const at = (kind: 'members' | 'applications') => new Map(groups.flatMap((g) => g[kind].map((i) => [i.id.toLowerCase(), g.id] as const)));
  const connectorAt = at('members');
  const applicationAt = at('applications');
  const items = (list: MovedItem[], where: Map<string, string>, to: string) =>
    list.map((i) => ({ ...i, from: id(i.from) })).filter((i) => where.get(i.id) !== to);
  const left: PlanStep[] = [];
  steps.forEach((step, i) => {
    if (result.outcomes[i].state === 'done') return;
    switch (step.kind) {
      case 'create': left.push(step); break;
      case 'rename': case 'setRegion': case 'delete': left.push({ ...step, group: id(step.group) }); break;
      case 'moveConnectors': left.push({ ...step, to: id(step.to), connectors: items(step.connectors, connectorAt, id(step.to)) }); break;
      case 'assignApplications': left.push({ ...step, to: id(step.to), applications: items(step.applications, applicationAt, id(step.to)) }); break;
      case 'unassignApplications': left.push({ ...step, applications: step.applications.map((a) => ({ ...a, from: id(a.from) })) }); break;
    }
  });
  return left.filter((s) => !(s.kind === 'moveConnectors' && s.connectors.length === 0) && !(s.kind === 'assignApplications' && s.applications.length === 0));
}

/** An item on its way back: it leaves the group it was moved to. */
function back(item: MovedItem, change: { to: string; toName?: string }): MovedItem {
  return { ...item, from: change.to, fromName: change.toName ?? '' };
}

/** The steps that take back these changes, last change first. */
export function undoSteps(done: DoneChange[], firstNew = 0): PlanStep[] {
  const steps: PlanStep[] = [];
  // A deleted group comes back with a new id: later steps name it by the key of its re-creation.
  const recreated = new Map<string, GroupKey>();
  const key = (id: string) => recreated.get(id) ?? id;
  const byOrigin = (items: MovedItem[]) => groupBy(items, (item) => key(item.from));
  for (const change of [...done].reverse()) {
    switch (change.kind) {
      case 'deleted': {
        const again = `new:${firstNew + recreated.size}`;
        recreated.set(change.id, again);
        steps.push({ kind: 'create', group: again, name: change.name, ...(change.region ? { region: change.region } : {}) });
        break;
      }
      case 'created':
        steps.push({ kind: 'delete', group: key(change.id), name: change.name, region: change.region });
        break;
      case 'renamed':
        steps.push({ kind: 'rename', group: key(change.id), from: change.to, to: change.from });
        break;
      case 'regionSet':
        steps.push({ kind: 'setRegion', group: key(change.id), name: change.name, from: change.to, to: change.from });
        break;
      case 'connectorsMoved':
        for (const [origin, items] of byOrigin(change.items)) {
          steps.push({ kind: 'moveConnectors', to: origin, toName: items[0].fromName, connectors: items.map((i) => back(i, change)) });
        }
        break;
      case 'applicationsAssigned':
      case 'unassigned':
        for (const [origin, items] of byOrigin(change.items)) {
          steps.push({ kind: 'assignApplications', to: origin, toName: items[0].fromName, applications: items.map((i) => back(i, change)) });
        }
        break;
    }
  }
  return steps;
}
