// JSON batching: up to 20 requests, each answered as if sent alone, ordered by dependsOn.
import { badRequest } from './graphError';

export const MAX_BATCH_REQUESTS = 20;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export interface BatchStep {
  /** Position in the request, so answers come back in the order sent. */
  index: number;
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

export interface BatchAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function checkStep(raw: unknown, index: number): BatchStep {
  if (typeof raw !== 'object' || raw === null) throw badRequest(`Batch request ${index} must be an object.`);
  const step = raw as Record<string, unknown>;
  if (typeof step.id !== 'string' || step.id === '') throw badRequest(`Batch request ${index} needs a non-empty string 'id'.`);
  const method = typeof step.method === 'string' ? step.method.toUpperCase() : '';
  if (!METHODS.has(method)) throw badRequest(`Batch request '${step.id}' has an invalid method '${String(step.method)}'.`);
  if (typeof step.url !== 'string' || step.url === '' || /^[a-z][a-z0-9+.-]*:/i.test(step.url) || step.url.startsWith('//')) {
    throw badRequest(`Batch request '${step.id}' needs a relative 'url' without the version, e.g. '/organization'.`);
  }
  const headers: Record<string, string> = {};
  if (step.headers !== undefined) {
    if (typeof step.headers !== 'object' || step.headers === null) throw badRequest(`Batch request '${step.id}' has invalid headers.`);
    for (const [k, v] of Object.entries(step.headers)) headers[k.toLowerCase()] = String(v);
  }
  if (step.body !== undefined && !headers['content-type']) {
    throw badRequest(`Write request id : ${step.id} does not contain Content-Type header or body.`);
  }
  const dependsOn = step.dependsOn ?? [];
  if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) {
    throw badRequest(`Batch request '${step.id}' has an invalid 'dependsOn': expected an array of request ids.`);
  }
  return { index, id: step.id, method, url: step.url.startsWith('/') ? step.url : `/${step.url}`, headers, body: step.body, dependsOn };
}

/** Validates a batch body and returns its steps in an order that satisfies `dependsOn`. */
export function planBatch(body: unknown): BatchStep[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw badRequest("Invalid batch payload: expected { \"requests\": [ … ] } with at least one request.");
  }
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw badRequest(`Invalid batch payload: ${requests.length} requests; a batch holds at most ${MAX_BATCH_REQUESTS}.`);
  }
  const steps = requests.map(checkStep);
  const byId = new Map<string, BatchStep>();
  for (const step of steps) {
    if (byId.has(step.id)) throw badRequest(`Invalid batch payload: the request id '${step.id}' is used twice.`);
    byId.set(step.id, step);
  }
  const ordered: BatchStep[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (step: BatchStep) => {
    if (state.get(step.id) === 'done') return;
    if (state.get(step.id) === 'visiting') throw badRequest(`Invalid batch payload: 'dependsOn' forms a cycle at '${step.id}'.`);
    state.set(step.id, 'visiting');
    for (const dep of step.dependsOn) {
      const target = byId.get(dep);
      if (!target) throw badRequest(`Invalid batch payload: request '${step.id}' depends on unknown id '${dep}'.`);
      visit(target);
    }
    state.set(step.id, 'done');
    ordered.push(step);
  };
  steps.forEach(visit);
  return ordered;
}

/**
 * Runs the planned steps one after another; a step whose dependency failed is answered 424 without
 * running. A step that throws (a dropped connection) ends the batch: nothing is answered.
 */
export async function runBatch(steps: BatchStep[], run: (step: BatchStep) => Promise<BatchAnswer>): Promise<object> {
  const failed = new Set<string>();
  const answers = new Map<string, BatchAnswer>();
  for (const step of steps) {
    const blocker = step.dependsOn.find((d) => failed.has(d));
    const answer: BatchAnswer = blocker
      ? {
          status: 424,
          headers: { 'Content-Type': 'application/json' },
          body: { error: { code: 'FailedDependency', message: `Request '${step.id}' was not run: the request it depends on ('${blocker}') failed.` } },
        }
      : await run(step);
    if (answer.status >= 400) failed.add(step.id);
    answers.set(step.id, answer);
  }
  // Answers in the order the requests were sent.
  const sent = [...steps].sort((a, b) => a.index - b.index);
  return { responses: sent.map((s) => ({ id: s.id, ...answers.get(s.id) })) };
}
