// A script of connector status changes over time (`--status-schedule`, `PUT /_sandbox/status-schedule`):
// connectors stop and start as their hosts would, so a watch can be tried without waiting for an outage.
import { badRequest } from './graphError';
import type { ConnectorRecord, Tenant } from './model';

export interface StatusStep {
  /** Seconds after the schedule starts (fractions allowed). */
  afterSeconds: number;
  /** The connector's id or machine name, with or without its domain, in any case. */
  connector: string;
  status: 'active' | 'inactive';
}

export interface StatusScript {
  steps: StatusStep[];
  /** Start again this many seconds after each start (after the last step at the latest): a demo that goes on. */
  repeatEverySeconds?: number;
}

/** What has happened to a step so far, as the control API lists it. */
export interface StepState extends StatusStep {
  /** When it is (or was) due, the first time round. */
  dueAt: string;
  /** How many times it has been applied. */
  applied: number;
  /** Applied when its connector was no longer there (deleted, or the tenant reset). */
  missed: number;
}

const MAX_STEPS = 1000;
const MAX_SECONDS = 7 * 24 * 3600;
/** A tighter loop is a busy loop, not a schedule. */
const MIN_REPEAT_SECONDS = 0.1;

function seconds(value: unknown, what: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum || value > MAX_SECONDS) {
    throw badRequest(`${what} must be a number of seconds from ${minimum} to ${MAX_SECONDS}.`);
  }
  return value;
}

/** A schedule as given (a list of steps, or `{ steps, repeatEverySeconds }`), checked field by field. */
export function checkStatusScript(raw: unknown): StatusScript {
  const script = Array.isArray(raw) ? { steps: raw } : (raw as Record<string, unknown> | null);
  if (typeof script !== 'object' || script === null || !Array.isArray(script.steps)) {
    throw badRequest('A status schedule is a list of steps, or { "steps": [...], "repeatEverySeconds": N }.');
  }
  if (script.steps.length > MAX_STEPS) throw badRequest(`A status schedule has at most ${MAX_STEPS} steps.`);
  const steps = script.steps.map((value: unknown, index: number): StatusStep => {
    const step = value as Record<string, unknown> | null;
    const where = `Step ${index + 1}`;
    if (typeof step !== 'object' || step === null) throw badRequest(`${where} must be an object.`);
    if (typeof step.connector !== 'string' || step.connector.trim() === '') throw badRequest(`${where}: connector must be a connector's id or machine name.`);
    if (step.status !== 'active' && step.status !== 'inactive') throw badRequest(`${where}: status must be 'active' or 'inactive'.`);
    return { afterSeconds: seconds(step.afterSeconds, `${where}: afterSeconds`, 0), connector: step.connector.trim(), status: step.status };
  });
  if (script.repeatEverySeconds === undefined) return { steps };
  const repeat = seconds(script.repeatEverySeconds, 'repeatEverySeconds', MIN_REPEAT_SECONDS);
  const last = Math.max(0, ...steps.map((s) => s.afterSeconds));
  if (repeat <= last) throw badRequest(`repeatEverySeconds (${repeat}) must be more than the last step's afterSeconds (${last}).`);
  return { steps, repeatEverySeconds: repeat };
}

/**
 * The connectors a name means: its id or machine name, else every machine whose short name it is
 * (`FRA-APPPROXY-02` finds `FRA-APPPROXY-02.contoso.com`).
 */
export function findConnectors(tenant: Tenant, name: string): ConnectorRecord[] {
  const wanted = name.toLowerCase();
  const all = [...tenant.connectors.values()];
  const exact = all.filter((c) => c.id.toLowerCase() === wanted || c.machineName.toLowerCase() === wanted);
  return exact.length > 0 ? exact : all.filter((c) => c.machineName.toLowerCase().split('.')[0] === wanted);
}

/** The one connector a name means; none when it means none or several. */
export function findConnector(tenant: Tenant, name: string): ConnectorRecord | undefined {
  const found = findConnectors(tenant, name);
  return found.length === 1 ? found[0] : undefined;
}

export class StatusSchedule {
  private timers: NodeJS.Timeout[] = [];
  private states: StepState[] = [];
  private repeatEverySeconds: number | undefined;

  /** `tenant` is read at each step, so a reset tenant is the one changed. */
  constructor(
    private readonly tenant: () => Tenant,
    private readonly onStep?: (step: StatusStep, connector: ConnectorRecord | undefined) => void,
  ) {}

  /** Replaces the schedule and starts it now. Every connector must be there when it starts. */
  set(script: StatusScript): void {
    const names = [...new Set(script.steps.map((s) => s.connector))];
    const unknown = names.filter((name) => findConnectors(this.tenant(), name).length === 0).map((name) => `'${name}'`);
    if (unknown.length > 0) throw badRequest(`The status schedule names connectors the tenant does not have: ${unknown.join(', ')}.`);
    const ambiguous = names.filter((name) => findConnectors(this.tenant(), name).length > 1).map((name) => `'${name}'`);
    if (ambiguous.length > 0) throw badRequest(`The status schedule names connectors that several machines share: ${ambiguous.join(', ')}; give the full machine name or the id.`);
    this.clear();
    const start = Date.now();
    this.repeatEverySeconds = script.repeatEverySeconds;
    this.states = script.steps.map((s) => ({ ...s, dueAt: new Date(start + s.afterSeconds * 1000).toISOString(), applied: 0, missed: 0 }));
    this.round();
  }

  /** One pass of the steps, timed from now; the next pass starts after the last step has run. */
  private round(): void {
    this.timers = this.states.map((state) => this.later(state.afterSeconds * 1000, () => this.apply(state)));
    if (this.repeatEverySeconds !== undefined) this.timers.push(this.later(this.repeatEverySeconds * 1000, () => this.round()));
  }

  private later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(run, ms);
    // A schedule never keeps a process alive on its own: the server does, while it listens.
    timer.unref();
    return timer;
  }

  private apply(state: StepState): void {
    const connector = findConnector(this.tenant(), state.connector);
    if (connector) {
      connector.status = state.status;
      state.applied++;
    } else {
      state.missed++;
    }
    this.onStep?.(state, connector);
  }

  list(): { steps: StepState[]; repeatEverySeconds?: number } {
    return { steps: this.states.map((s) => ({ ...s })), ...(this.repeatEverySeconds === undefined ? {} : { repeatEverySeconds: this.repeatEverySeconds }) };
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.states = [];
    this.repeatEverySeconds = undefined;
  }
}
