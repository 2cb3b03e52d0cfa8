// Fault injection: latency, throttling, server errors and dropped connections, by rate or by request
// pattern, for requests sent alone and for the requests inside a `$batch` alike.
import { SandboxError, badRequest } from './graphError';
import { MAX_PATTERN_LENGTH, compilePathPattern, type PathMatcher } from './pathPattern';
import { RequestCounter, draw, type RequestIdentity } from './requestDraw';

export interface FaultRule {
  /** Only requests with this method (any when absent). */
  method?: string;
  /**
   * Matched against the path as plain text (see pathPattern.ts): a star stands for any run, a leading
   * caret and a trailing dollar anchor it, a backslash escapes; e.g. `members/\\$ref$`.
   */
  path?: string;
  /** Answer with this status instead of the real one: 429, 500, 502, 503 or 504. */
  status?: number;
  /** `Retry-After` seconds sent with the status. */
  retryAfterSeconds?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
  /** Delay the answer by this many milliseconds (after the change with `after`). */
  latencyMs?: number;
  /**
   * Probability (0..1) that a matching request is hit; 1 when absent. The draw is a pure function of
   * the seed, the rule's index and the request (see requestDraw.ts), not of the order of arrival.
   */
  rate?: number;
  /** How many matching requests the rule lets through before it starts to hit. */
  skip?: number;
  /** How many requests the rule hits before it retires; unlimited when absent. */
  times?: number;
  /** Apply after the request took effect: the change happens, but the client sees the fault. */
  after?: boolean;
  /**
   * Identity side only: answer with an HTML page, as a proxy in front of the service would, instead of
   * the service's own error; with status 200 it is a captive portal's or a proxy's sign-in page.
   */
  html?: boolean;
}

/** What a set of rules may ask for beyond Graph's: the identity side's rules may answer HTML. */
export interface FaultRuleKinds {
  html?: boolean;
}

/** A request as fault rules see it: the path they match, and the whole request for the draw. */
export interface FaultTarget extends RequestIdentity {
  /** The path without the query, with the version: `/beta/organization`. */
  path: string;
}

/** Thrown when a rule drops the connection; the server destroys the socket of the request (the outer one in a batch). */
export class ConnectionDropped extends Error {
  constructor() {
    super('The connection was dropped by a fault rule.');
  }
}

const STATUS_CODES: Record<number, [string, string]> = {
  429: ['TooManyRequests', 'Too many requests. Please retry after the number of seconds in the Retry-After header.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  502: ['BadGateway', 'The gateway received an invalid response.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.'],
  504: ['GatewayTimeout', 'The gateway timed out waiting for the service.'],
};

const RULE_KEYS = new Set(['method', 'path', 'status', 'retryAfterSeconds', 'drop', 'latencyMs', 'rate', 'skip', 'times', 'after', 'html']);

export function checkFaultRules(value: unknown, kinds: FaultRuleKinds = {}): FaultRule[] {
  if (!Array.isArray(value)) throw badRequest('Fault rules must be a JSON array.');
  return value.map((raw, i) => {
    const rule = raw as FaultRule;
    const where = `fault rule ${i}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest(`${where}: expected an object.`);
    // A misspelt key would silently make a rule that hits every request.
    const unknown = Object.keys(raw).find((key) => !RULE_KEYS.has(key));
    if (unknown !== undefined) throw badRequest(`${where}: unknown key '${unknown}'; known: ${[...RULE_KEYS].join(', ')}.`);
    if (rule.method !== undefined && typeof rule.method !== 'string') throw badRequest(`${where}: method must be text.`);
    if (rule.html !== undefined && !kinds.html) throw badRequest(`${where}: html is for the identity platform's rules only.`);
    for (const key of ['drop', 'after', 'html'] as const) {
      if (rule[key] !== undefined && typeof rule[key] !== 'boolean') throw badRequest(`${where}: ${key} must be true or false.`);
    }
    for (const key of ['latencyMs', 'retryAfterSeconds', 'skip', 'times'] as const) {
      const number = rule[key];
      if (number !== undefined && !(typeof number === 'number' && Number.isInteger(number) && number >= 0)) {
        throw badRequest(`${where}: ${key} must be a whole number ≥ 0.`);
      }
    }
    // A page that answers 200 is what a captive portal or a proxy's sign-in page does; a service never would.
    if (rule.status !== undefined && !(rule.status in STATUS_CODES) && !(rule.html && rule.status === 200)) {
      throw badRequest(`${where}: status must be one of ${Object.keys(STATUS_CODES).join(', ')}${kinds.html ? ' (or 200 with html)' : ''}.`);
    }
    if (rule.html && rule.status === undefined) throw badRequest(`${where}: html needs a status.`);
    if (rule.status === undefined && !rule.drop && rule.latencyMs === undefined) {
      throw badRequest(`${where}: give a status, drop or latencyMs.`);
    }
    if (rule.path !== undefined && (typeof rule.path !== 'string' || rule.path.length > MAX_PATTERN_LENGTH)) {
      throw badRequest(`${where}: path must be text of at most ${MAX_PATTERN_LENGTH} characters.`);
    }
    if (rule.rate !== undefined && !(typeof rule.rate === 'number' && rule.rate >= 0 && rule.rate <= 1)) throw badRequest(`${where}: rate must be between 0 and 1.`);
    return { ...rule };
  });
}

/** The `Retry-After` a rule's answer carries: its own, else a second for a 429. */
export function retryAfterOf(rule: FaultRule): Record<string, string> {
  if (rule.retryAfterSeconds !== undefined) return { 'Retry-After': String(rule.retryAfterSeconds) };
  return rule.status === 429 ? { 'Retry-After': '1' } : {};
}

export function faultError(rule: FaultRule): SandboxError {
  const status = rule.status ?? 503;
  const [code, message] = STATUS_CODES[status] ?? ['', 'A page from a proxy.'];
  return new SandboxError(status, code, message, retryAfterOf({ ...rule, status }));
}

export class FaultInjector {
  private rules: (FaultRule & { matches?: PathMatcher })[] = [];
  /** Arrivals per distinct request since the rules were set: the nth repeat of a request draws anew. */
  private readonly arrivals = new RequestCounter();

  constructor(private readonly seed = 1, private readonly kinds: FaultRuleKinds = {}) {}

  set(rules: FaultRule[]): void {
    this.rules = checkFaultRules(rules, this.kinds).map((rule) => ({ ...rule, matches: rule.path === undefined ? undefined : compilePathPattern(rule.path) }));
    this.arrivals.clear();
  }

  list(): FaultRule[] {
    return this.rules.map(({ matches, ...rule }) => rule);
  }

  /**
   * The rule that hits this request, if any. A rule's `skip` and `times` count only requests it lets
   * through or hits, and every rule returned takes effect (see runUnderFault), so none is used up in vain.
   */
  pick(request: FaultTarget): FaultRule | undefined {
    if (this.rules.length === 0) return undefined;
    const key = this.arrivals.arrive(request);
    for (const [index, rule] of this.rules.entries()) {
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== request.method.toUpperCase()) continue;
      if (rule.matches && !rule.matches(request.path)) continue;
      if (rule.skip !== undefined && rule.skip > 0) {
        rule.skip--;
        continue;
      }
      if (rule.rate !== undefined && draw(this.seed, `fault rule ${index}`, key) >= rule.rate) continue;
      if (rule.times !== undefined) rule.times--;
      return rule;
    }
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function strike(rule: FaultRule): void {
  if (rule.drop) throw new ConnectionDropped();
  if (rule.status !== undefined) throw faultError(rule);
}

/**
 * Runs a request's work under the rule that hit it: its latency, then its drop or status, before the
 * work or, with `after`, once the work is done (whether it succeeded or failed: the fault is what the
 * client sees either way).
 */
export async function runUnderFault<T>(rule: FaultRule | undefined, work: () => T | Promise<T>): Promise<T> {
  if (!rule) return work();
  if (!rule.after) {
    if (rule.latencyMs) await sleep(rule.latencyMs);
    strike(rule);
    return work();
  }
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await work() };
  } catch (error) {
    outcome = { error };
  }
  if (rule.latencyMs) await sleep(rule.latencyMs);
  strike(rule);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
