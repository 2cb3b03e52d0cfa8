// Fault injection: latency, throttling, server errors and dropped connections, by rate or by request pattern.
import { SandboxError, badRequest } from './graphError';
import { seededRandom } from './ids';
import { MAX_PATTERN_LENGTH, compilePathPattern, type PathMatcher } from './pathPattern';

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
  /** Delay the answer by this many milliseconds. */
  latencyMs?: number;
  /** Probability (0..1) that a matching request is hit; 1 when absent. */
  rate?: number;
  /** How many matching requests the rule lets through before it starts to hit. */
  skip?: number;
  /** How many requests the rule hits before it retires; unlimited when absent. */
  times?: number;
  /** Apply after the request took effect: the change happens, but the client sees the fault. */
  after?: boolean;
}

const STATUS_CODES: Record<number, [string, string]> = {
  429: ['TooManyRequests', 'Too many requests. Please retry after the number of seconds in the Retry-After header.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  502: ['BadGateway', 'The gateway received an invalid response.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.'],
  504: ['GatewayTimeout', 'The gateway timed out waiting for the service.'],
};

export function checkFaultRules(value: unknown): FaultRule[] {
  if (!Array.isArray(value)) throw badRequest('Fault rules must be a JSON array.');
  return value.map((raw, i) => {
    const rule = raw as FaultRule;
    const where = `fault rule ${i}`;
    if (typeof raw !== 'object' || raw === null) throw badRequest(`${where}: expected an object.`);
    if (rule.status !== undefined && !(rule.status in STATUS_CODES)) {
      throw badRequest(`${where}: status must be one of ${Object.keys(STATUS_CODES).join(', ')}.`);
    }
    if (rule.status === undefined && !rule.drop && rule.latencyMs === undefined) {
      throw badRequest(`${where}: give a status, drop or latencyMs.`);
    }
    if (rule.path !== undefined && (typeof rule.path !== 'string' || rule.path.length > MAX_PATTERN_LENGTH)) {
      throw badRequest(`${where}: path must be text of at most ${MAX_PATTERN_LENGTH} characters.`);
    }
    if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1)) throw badRequest(`${where}: rate must be between 0 and 1.`);
    return { ...rule };
  });
}

export function faultError(rule: FaultRule): SandboxError {
  const status = rule.status ?? 503;
  const [code, message] = STATUS_CODES[status];
  const headers: Record<string, string> = {};
  if (rule.retryAfterSeconds !== undefined) headers['Retry-After'] = String(rule.retryAfterSeconds);
  else if (status === 429) headers['Retry-After'] = '1';
  return new SandboxError(status, code, message, headers);
}

export class FaultInjector {
  private rules: (FaultRule & { matches?: PathMatcher })[] = [];
  private random: () => number;

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  set(rules: FaultRule[]): void {
    this.rules = checkFaultRules(rules).map((rule) => ({ ...rule, matches: rule.path === undefined ? undefined : compilePathPattern(rule.path) }));
  }

  list(): FaultRule[] {
    return this.rules.map(({ matches, ...rule }) => rule);
  }

  /** The rule that hits this request, if any; each hit counts against the rule's `times`. */
  pick(method: string, path: string): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.matches && !rule.matches(path)) continue;
      if (rule.skip !== undefined && rule.skip > 0) {
        rule.skip--;
        continue;
      }
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      if (rule.times !== undefined) rule.times--;
      return rule;
    }
    return undefined;
  }
}
