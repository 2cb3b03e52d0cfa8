// A run's journal, written as it goes so a reload or a crash loses nothing: a header line (the plan,
// the file it came from, what Undo could take back before the run), then a line as each step starts
// and one as it ends, then one when the run ends. JSON Lines, so each step appends a line instead of
// rewriting the file; a line torn by a crash is the last one and is left out. No token or secret
// is in it: only names, ids and the steps.
import type { ConnectorGroupWithContents } from '../graph/types';
import type { ApplyResult, DoneChange, StepOutcome } from './applyPlan';
import type { GroupKey, PlanStep } from './planner';

export const JOURNAL_VERSION = 1;

export interface JournalHeader {
  journal: typeof JOURNAL_VERSION;
  tenantKey: string;
  tenantName: string;
  undoing: boolean;
  /** The layout file (a URI) and a hash of its text as previewed. */
  file: string;
  fileHash: string;
  /** The layout file's text as previewed. */
  layoutText: string;
  planName: string;
  steps: PlanStep[];
  startedAt: string;
  /** What Undo could take back before this run (earlier runs), and what a stopped Undo left. */
  history: DoneChange[];
  pendingUndo: PlanStep[];
}

export type JournalEvent =
  /** A step starts; a create notes the groups of its name that exist already. */
  | { started: number; sameName?: string[] }
  | { step: number; outcome: StepOutcome; change?: DoneChange; created?: string }
  | { finishedAt: string; cancelled: boolean };

export interface ReadJournal {
  header: JournalHeader;
  outcomes: StepOutcome[];
  done: DoneChange[];
  created: Map<GroupKey, string>;
  /** The step that had started when the journal ends without its outcome (the window closed). */
  inFlight?: { index: number; sameName: string[] };
  finished: boolean;
  cancelled: boolean;
}

export const journalLine = (entry: JournalHeader | JournalEvent) => `${JSON.stringify(entry)}\n`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isHeader(value: unknown): value is JournalHeader {
  return isObject(value) && value.journal === JOURNAL_VERSION && typeof value.tenantKey === 'string' && typeof value.tenantName === 'string'
    && typeof value.undoing === 'boolean' && typeof value.file === 'string' && typeof value.fileHash === 'string' && typeof value.layoutText === 'string'
    && typeof value.planName === 'string' && Array.isArray(value.steps) && typeof value.startedAt === 'string'
    && Array.isArray(value.history) && Array.isArray(value.pendingUndo);
}

/** The journal's text read back; undefined when it is not one (another version, a damaged header). */
export function readJournal(text: string): ReadJournal | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const parsed: unknown[] = [];
  for (const [i, line] of lines.entries()) {
    try {
      parsed.push(JSON.parse(line));
    } catch {
      // Only the last line can be torn (the process ended while it was written).
      if (i === lines.length - 1) break;
      return undefined;
    }
  }
  const [header, ...events] = parsed;
  if (!isHeader(header)) return undefined;
  const read: ReadJournal = {
    header, outcomes: header.steps.map(() => ({ state: 'notTried' })), done: [], created: new Map(), finished: false, cancelled: false,
  };
  for (const event of events) {
    if (!isObject(event)) return undefined;
    if (typeof event.started === 'number' && event.started >= 0 && event.started < header.steps.length) {
      read.inFlight = { index: event.started, sameName: Array.isArray(event.sameName) ? event.sameName.filter((id): id is string => typeof id === 'string') : [] };
    } else if (typeof event.step === 'number' && isObject(event.outcome) && event.step >= 0 && event.step < header.steps.length) {
      read.outcomes[event.step] = event.outcome as unknown as StepOutcome;
      if (isObject(event.change)) read.done.push(event.change as unknown as DoneChange);
      const step = header.steps[event.step];
      if (typeof event.created === 'string' && step.kind === 'create') read.created.set(step.group, event.created);
      read.inFlight = undefined;
    } else if (typeof event.finishedAt === 'string') {
      read.finished = true;
      read.cancelled = event.cancelled === true;
    } else {
      return undefined;
    }
  }
  return read;
}

/**
 * What the step in flight when the window closed did, read from the tenant as it is now: the items
 * that are where it sent them, the name or region it set, the group it made or deleted.
 */
export function inFlightChange(step: PlanStep, sameName: string[], created: Map<GroupKey, string>, groups: ConnectorGroupWithContents[]): { change?: DoneChange; createdId?: string } {
  const id = (key: GroupKey) => created.get(key) ?? key;
  const group = (key: GroupKey) => groups.find((g) => g.id === id(key));
  const where = (kind: 'members' | 'applications') => new Map(groups.flatMap((g) => g[kind].map((i) => [i.id.toLowerCase(), g.id] as const)));
  switch (step.kind) {
    case 'create': {
      const made = groups.find((g) => g.name === step.name && !sameName.includes(g.id));
      return made ? { change: { kind: 'created', id: made.id, name: made.name, region: made.region ?? '' }, createdId: made.id } : {};
    }
    case 'rename': {
      const g = group(step.group);
      return g?.name === step.to ? { change: { kind: 'renamed', id: g.id, from: step.from, to: step.to } } : {};
    }
    case 'setRegion': {
      const g = group(step.group);
      return g?.region === step.to ? { change: { kind: 'regionSet', id: g.id, name: g.name, from: step.from, to: step.to } } : {};
    }
    case 'moveConnectors': {
      const at = where('members');
      const items = step.connectors.filter((c) => at.get(c.id) === id(step.to)).map((c) => ({ ...c, from: id(c.from) }));
      return items.length ? { change: { kind: 'connectorsMoved', to: id(step.to), toName: step.toName, items } } : {};
    }
    case 'assignApplications': {
      const at = where('applications');
      const items = step.applications.filter((a) => at.get(a.id) === id(step.to)).map((a) => ({ ...a, from: id(a.from) }));
      return items.length ? { change: { kind: 'applicationsAssigned', to: id(step.to), toName: step.toName, items } } : {};
    }
    case 'unassignApplications': {
      const home = groups.find((g) => g.isDefault)?.id ?? '';
      const at = where('applications');
      const items = step.applications.filter((a) => at.get(a.id) === home).map((a) => ({ ...a, from: id(a.from) }));
      return items.length ? { change: { kind: 'unassigned', to: home, items } } : {};
    }
    case 'delete':
      return group(step.group) ? {} : { change: { kind: 'deleted', id: id(step.group), name: step.name, region: step.region } };
  }
}

/** How many items a step moves (undefined for a step on a group). */
function stepItems(step: PlanStep): number | undefined {
  if (step.kind === 'moveConnectors') return step.connectors.length;
  if (step.kind === 'assignApplications' || step.kind === 'unassignApplications') return step.applications.length;
  return undefined;
}

/** The run as the journal and the tenant tell it, for Resume, Undo and the report. */
export function journalRun(read: ReadJournal, groups: ConnectorGroupWithContents[], closedMessage: string): ApplyResult {
  const outcomes = [...read.outcomes];
  const done = [...read.done];
  const created = new Map(read.created);
  if (read.inFlight && !read.finished) {
    const { index, sameName } = read.inFlight;
    const found = inFlightChange(read.header.steps[index], sameName, created, groups);
    if (found.change) done.push(found.change);
    if (found.createdId) created.set((read.header.steps[index] as { group: GroupKey }).group, found.createdId);
    // A step the tenant shows finished is done (Resume or Undo must not send it again); else it stopped.
    const items = stepItems(read.header.steps[index]);
    const moved = found.change && 'items' in found.change ? found.change.items.length : 0;
    const complete = items === undefined ? found.change !== undefined : moved === items;
    outcomes[index] = complete ? { state: 'done' } : { state: 'failed', message: closedMessage, ...(moved ? { doneItems: moved } : {}) };
  }
  return { outcomes, done, created, cancelled: read.cancelled };
}
