// The one way the extension talks to Graph: the Graph client's middleware chain, JSON in and out,
// typed errors, next links followed by URL, and $batch with its inner throttling handled.
import type { TokenCredential } from '@azure/identity';
import type { Context } from '@microsoft/microsoft-graph-client';
// The three pieces of the Graph client used, by their own modules: the package's index would load
// (and bundle) all of it.
import { HTTPMessageHandler } from '@microsoft/microsoft-graph-client/lib/src/middleware/HTTPMessageHandler';
import { RetryHandler } from '@microsoft/microsoft-graph-client/lib/src/middleware/RetryHandler';
import { RetryHandlerOptions } from '@microsoft/microsoft-graph-client/lib/src/middleware/options/RetryHandlerOptions';
import { GraphCancelledError, GraphCredentialError, GraphInputError, GraphNetworkError, GraphRequestError, errorFromResponse, isChange, mayHaveTakenEffect, type AccessGrants, type RequestDescription } from './errors';
import { AttemptMiddleware, anyAttemptMayHaveLanded, earlierAttemptMayHaveLanded, mayHaveLanded } from './middleware/attemptMiddleware';
import { BearerTokenMiddleware } from './middleware/bearerTokenMiddleware';
import { RoundTripMiddleware, type RoundTrip } from './middleware/roundTripMiddleware';
import { ThrottleGate, ThrottleMiddleware, backOffSeconds, waitUntil } from './middleware/throttleMiddleware';
import { Limiter } from './limiter';
import { networkReason } from './networkErrors';
import { retryWait, type RetryWait } from './retryAfter';
import { RETRY_STATUSES, canRepeat, refusedRepeatIsDone } from './retryPolicy';
import { WorkCancelled, currentWork, joinedSignal } from './workContext';

export interface GraphHttpOptions {
  /** `https://graph.microsoft.com`, a national cloud's host, or the sandbox's `http://127.0.0.1:port`. */
  origin: string;
  credential: TokenCredential;
  scopes: string[];
  /** Sent as Accept-Language (Node's fetch would send `*`, which some endpoints refuse). */
  language?: string;
  /** The limit of one attempt, the answer's body included; waiting for Retry-After is not counted. */
  timeoutMs?: number;
  maxRetries?: number;
  /** Seconds to wait before a retry when the answer names no Retry-After. */
  retryDelaySeconds?: number;
  onRoundTrip?: (trip: RoundTrip) => void;
  /** Hears of each wait Graph asked for (a 429), so a capped Retry-After can be said. */
  onWait?: (wait: RetryWait) => void;
  /** The most requests of this tenant in flight at once (default 16); the limit adapts below it. */
  maxConcurrency?: number;
  /** Requests in flight at the start, before the limit adapts (default 4). */
  startConcurrency?: number;
  /** What the last token carried; a refused change (403) keeps it, to say which is missing. */
  grants?: () => AccessGrants;
}

export interface BatchStep {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below the version, e.g. `/onPremisesPublishingProfiles/applicationProxy/connectorGroups`. */
  path: string;
  body?: unknown;
  dependsOn?: string[];
}

/**
 * One step's result. A failed step carries Graph's answer, or — when the whole `$batch` went
 * unanswered — the transport's error; `unknown` says a write may have happened all the same.
 */
export type BatchOutcome =
  | { id: string; ok: true; status: number; body: unknown }
  | { id: string; ok: false; status: number; error: Error; unknown: boolean };

export interface ReadOptions {
  /** Ahead of the queue: what a person is waiting for. */
  urgent?: boolean;
  /** Abandons the request: it leaves the queue, its socket closes and no retry follows. */
  signal?: AbortSignal;
}

export interface SendOptions extends ReadOptions {
  /** Overrides the retry policy's view of the request (a `$batch` of idempotent steps may be repeated). */
  repeatable?: boolean;
  /** Whether the request may change something (default: any method but GET; a `$batch` says by its steps). */
  changes?: boolean;
}

/** A 2xx answer; `repeated` when an attempt before the one answered may have been carried out. */
export interface Sent {
  status: number;
  body: unknown;
  repeated: boolean;
}

export const MAX_BATCH_SIZE = 20;
const MAX_PAGES = 10_000;
/** Rounds of a `$batch` for the steps Graph throttled or could not serve. */
const MAX_BATCH_ROUNDS = 8;
const NETWORK_ATTEMPTS = 4;
const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);


export class GraphHttp {
  /** `origin/beta`: every path is resolved against it, and next links must stay under it. */
  readonly serviceRoot: string;
  private readonly chain: BearerTokenMiddleware;
  private readonly language: string;
  private readonly retryDelaySeconds: number;
  /** Requests whose caller said they may be repeated, whatever the method says (see SendOptions). */
  private readonly repeatable = new WeakSet<object>();
  private readonly gate: ThrottleGate;
  private readonly limiter: Limiter;
  private readonly grants?: () => AccessGrants;

  constructor(options: GraphHttpOptions) {
    const origin = new URL(options.origin).origin;
    this.serviceRoot = `${origin}/beta`;
    this.language = options.language ?? 'en-US';
    this.retryDelaySeconds = options.retryDelaySeconds ?? 1;
    this.grants = options.grants;
    const maxRetries = options.maxRetries ?? 5;
    const retryOptions = new RetryHandlerOptions(
      this.retryDelaySeconds,
      maxRetries,
      (_delay, retries, request, fetchOptions, response) => {
        const retrying = !fetchOptions?.signal?.aborted
          && ((fetchOptions !== undefined && this.repeatable.has(fetchOptions))
            || canRepeat(fetchOptions?.method ?? 'GET', typeof request === 'string' ? request : request.url, response.status === 429));
        if (retrying) currentWork()?.onRetry?.({ attempt: retries + 1, of: maxRetries, status: response.status });
        return retrying;
      },
    );
    this.limiter = new Limiter(options.maxConcurrency ?? 16, options.startConcurrency ?? 4);
    this.gate = new ThrottleGate(options.onWait);
    this.chain = new BearerTokenMiddleware(options.credential, options.scopes, origin);
    const retry = new RetryHandler(retryOptions);
    const roundTrips = new RoundTripMiddleware(options.onRoundTrip ?? (() => undefined));
    const attempt = new AttemptMiddleware(options.timeoutMs ?? 60_000);
    const throttle = new ThrottleMiddleware(this.gate, this.retryDelaySeconds, () => this.limiter.throttled());
    this.chain.setNext(retry);
    retry.setNext(throttle);
    throttle.setNext(roundTrips);
    roundTrips.setNext(attempt);
    attempt.setNext(new HTTPMessageHandler());
  }

  /** An absolute URL for a path, as `@odata.id` references need. */
  resourceUrl(path: string): string {
    return `${this.serviceRoot}${path}`;
  }

  /** An absolute URL under the service root; a link that leaves it (another host, `../`) is refused. */
  private resolve(pathOrUrl: string): string {
    if (!/^https?:/i.test(pathOrUrl)) return `${this.serviceRoot}${pathOrUrl}`;
    let url: URL;
    try {
      url = new URL(pathOrUrl);
    } catch {
      throw new GraphInputError('Refusing to follow a link that is not a valid URL.');
    }
    // The parsed form, with `..` and its escapes already resolved, is what would be requested.
    if (!url.href.startsWith(`${this.serviceRoot}/`)) {
      throw new GraphInputError(`Refusing to follow a link outside ${this.serviceRoot}: ${url.origin}${url.pathname.slice(0, 80)}.`);
    }
    return url.href;
  }

  /** Sends one request; resolves with the status and parsed body of a 2xx answer, throws a typed error otherwise. */
  async send(method: string, pathOrUrl: string, body?: unknown, sendOptions: SendOptions = {}): Promise<Sent> {
    // The action's Cancel reaches this request too, wherever it waits.
    const options = { ...sendOptions, signal: joinedSignal(sendOptions.signal) };
    let running: Promise<Sent> | undefined;
    try {
      return await this.limiter.run(() => (running = this.sendNow(method, pathOrUrl, body, options)), options.urgent, options.signal);
    } catch (error) {
      if (!(error instanceof WorkCancelled)) throw error;
      // The queue lets go at once; a request already under way says itself how far it got (it may have landed).
      if (running) return await running;
      throw new GraphCancelledError({ method, path: pathOrUrl.replace(this.serviceRoot, '') }, false);
    }
  }

  private async sendNow(method: string, pathOrUrl: string, body: unknown, sendOptions: SendOptions): Promise<Sent> {
    let url = this.resolve(pathOrUrl);
    const changes = sendOptions.changes ?? method !== 'GET';
    const description = { method, path: url.slice(this.serviceRoot.length), changes };
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.language,
      'client-request-id': crypto.randomUUID(),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const repeatable = sendOptions.repeatable ?? canRepeat(method, url, false);
    // Whether an attempt before the current one may have been carried out: then a refusal of this
    // one may only say that the earlier one worked (see refusedRepeatIsDone).
    let landedBefore = false;
    for (let attempt = 1, redirects = 0; ; attempt++) {
      const context: Context = {
        request: url,
        options: {
          method, headers, body: body === undefined ? undefined : JSON.stringify(body),
          // A redirect is looked at here, never followed blindly: it could send a create's body elsewhere.
          redirect: 'manual',
          signal: sendOptions.signal,
        },
      };
      if (sendOptions.repeatable) this.repeatable.add(context.options!);
      try {
        await this.chain.execute(context);
      } catch (error) {
        if (error instanceof GraphInputError) throw error;
        if (error instanceof GraphCredentialError) throw error.reason;
        // Stopped by a cancel: an attempt that reached the wire may have landed; one stopped in a wait before it did not.
        if (sendOptions.signal?.aborted) throw this.stopped(sendOptions.signal, description, changes && (landedBefore || anyAttemptMayHaveLanded(context)));
        landedBefore ||= earlierAttemptMayHaveLanded(context) || mayHaveLanded(undefined, error);
        const reason = networkReason(error);
        if (attempt < NETWORK_ATTEMPTS && repeatable) {
          currentWork()?.onRetry?.({ attempt, of: NETWORK_ATTEMPTS - 1 });
          // Like every wait between attempts, one a cancel ends.
          await waitUntil(Date.now() + 250 * attempt, sendOptions.signal)
            .catch(() => { throw this.stopped(sendOptions.signal!, description, changes && landedBefore); });
          continue;
        }
        throw new GraphNetworkError(description, reason, changes && landedBefore);
      }
      const response = context.response!;
      // The body was read within the attempt's deadline (AttemptMiddleware), so this cannot hang.
      const text = await response.text();
      const repeated = landedBefore || earlierAttemptMayHaveLanded(context);
      if (REDIRECTS.has(response.status)) {
        url = this.redirectTarget(description, response, method, ++redirects);
        attempt = 0;
        continue;
      }
      if (response.status !== 429) this.limiter.succeeded();
      if (!response.ok) {
        const error = this.withGrants(errorFromResponse(description, response.status, response.headers, text, repeated));
        if (refusedRepeatIsDone(error)) return { status: 204, body: undefined, repeated };
        throw error;
      }
      if (text.trim() === '') return { status: response.status, body: undefined, repeated };
      try {
        return { status: response.status, body: JSON.parse(text), repeated };
      } catch {
        throw errorFromResponse(description, response.status, response.headers, `Graph answered ${response.status} with a body that is not JSON.`);
      }
    }
  }

  /**
   * Where a redirect points, if it may be followed: only to the same service root, only keeping the
   * method and body (307, 308, or any for a GET), and only a few times. Anything else is Graph's
   * answer as an error, so the body never goes to another origin.
   */
  /** Why an aborted request stopped: the person's Cancel (said with what may have happened), or the caller's own reason. */
  private stopped(signal: AbortSignal, description: RequestDescription, outcomeUnknown: boolean): unknown {
    return signal.reason instanceof WorkCancelled ? new GraphCancelledError(description, outcomeUnknown) : signal.reason;
  }

  /** A refused change keeps what the token carried (never the token), for the message. */
  private withGrants(error: GraphRequestError): GraphRequestError {
    if (error.status === 403 && isChange(error.request)) error.access = this.grants?.();
    return error;
  }

  private redirectTarget(description: RequestDescription, response: Response, method: string, count: number): string {
    const location = response.headers.get('location') ?? '';
    let target: string | undefined;
    try {
      target = this.resolve(new URL(location, `${this.serviceRoot}/`).href);
    } catch {
      target = undefined;
    }
    const keepsMethod = method === 'GET' || response.status === 307 || response.status === 308;
    if (target !== undefined && keepsMethod && count <= MAX_REDIRECTS) return target;
    const where = location.slice(0, 120) || 'nowhere';
    throw new GraphRequestError(description, response.status, '',
      `Graph redirected the request to ${where}; it was not followed (requests stay on ${this.serviceRoot}).`,
      response.headers.get('request-id') ?? undefined, response.headers.get('date') ?? undefined);
  }

  /** How many requests may be in flight at once now, and the most ever allowed. */
  get concurrency(): { limit: number; ceiling: number; reached: { low: number; high: number; halvings: number } } {
    return { limit: this.limiter.limit, ceiling: this.limiter.ceiling, reached: this.limiter.reached };
  }

  async get<T>(pathOrUrl: string, options: ReadOptions = {}): Promise<T> {
    return (await this.send('GET', pathOrUrl, undefined, options)).body as T;
  }

  /** One resource, without its OData annotations (`@odata.context`). */
  async getEntity<T extends object>(pathOrUrl: string, options: ReadOptions = {}): Promise<T> {
    const body = await this.get<Record<string, unknown>>(pathOrUrl, options);
    return Object.fromEntries(Object.entries(body ?? {}).filter(([key]) => !key.startsWith('@odata.'))) as T;
  }

  /** All items of a collection, following `@odata.nextLink` as the absolute URL it is; `page` sees each page as it comes. */
  async getAll<T>(pathOrUrl: string, options: ReadOptions = {}, page?: (items: T[]) => void): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = pathOrUrl;
    for (let count = 0; next !== undefined; count++) {
      if (count >= MAX_PAGES) throw new GraphInputError(`Stopped after ${MAX_PAGES} pages of ${pathOrUrl}.`);
      const body: CollectionPage<T> = await this.get<CollectionPage<T>>(next, options);
      items.push(...(body?.value ?? []));
      page?.(body?.value ?? []);
      next = body?.['@odata.nextLink'];
    }
    return items;
  }

  /**
   * Sends steps in `$batch` requests of up to 20. Inner answers are not retried by the middleware,
   * so throttled (and safely repeatable) steps are sent again after the longest Retry-After. It never
   * throws: each step gets its outcome, so what succeeded in one round or chunk is kept whatever
   * happens to another.
   */
  async batch(steps: BatchStep[], readOptions: ReadOptions = {}): Promise<Map<string, BatchOutcome>> {
    const options = { ...readOptions, signal: joinedSignal(readOptions.signal) };
    const outcomes = new Map<string, BatchOutcome>();
    const chunks: BatchStep[][] = [];
    for (let start = 0; start < steps.length; start += MAX_BATCH_SIZE) chunks.push(steps.slice(start, start + MAX_BATCH_SIZE));
    // The rounds of different chunks are independent: they run side by side, as many as the limiter lets.
    await Promise.all(chunks.map((chunk) => this.batchChunk(chunk, outcomes, options)));
    return outcomes;
  }

  private async batchChunk(chunk: BatchStep[], outcomes: Map<string, BatchOutcome>, options: ReadOptions): Promise<void> {
    let pending = chunk;
    // Steps an earlier round may have carried out (a 5xx or no answer of their own).
    const landed = new Set<string>();
    for (let round = 1; pending.length > 0; round++) {
      let answers: Map<string, BatchOutcome>;
      try {
        answers = await this.sendBatch(pending, options, landed);
      } catch (error) {
        // The round trip itself failed (or was refused before it went out): each step says so.
        for (const step of pending) outcomes.set(step.id, unanswered(step, error, landed.has(step.id)));
        return;
      }
      const again: BatchStep[] = [];
      // The longest wait asked by a throttled step (for the whole tenant) and by a failed one (for this batch).
      let throttledWait: RetryWait | undefined;
      let ownWaitSeconds = 0;
      for (const step of pending) {
        const outcome = answers.get(step.id) ?? missingAnswer(step, landed.has(step.id));
        if (outcome.ok || refusedRepeatIsDone(outcome.error)) {
          outcomes.set(step.id, outcome.ok ? outcome : { id: step.id, ok: true, status: 204, body: undefined });
          continue;
        }
        const throttled = outcome.status === 429;
        const repeatable = RETRY_STATUSES.has(outcome.status) && canRepeat(step.method, this.resolve(step.path), throttled);
        if (!repeatable || round >= MAX_BATCH_ROUNDS || (step.dependsOn ?? []).length > 0 || options.signal?.aborted) {
          outcomes.set(step.id, outcome);
          continue;
        }
        again.push(step);
        const header = outcome.error instanceof GraphRequestError ? outcome.error.retryAfterHeader : undefined;
        const wait = retryWait(header, backOffSeconds(this.retryDelaySeconds, round));
        if (throttled) {
          this.limiter.throttled();
          if (!throttledWait || wait.seconds > throttledWait.seconds) throttledWait = wait;
        } else {
          // A 5xx may have been carried out: a refusal of the repeat proves nothing alone.
          landed.add(step.id);
          ownWaitSeconds = Math.max(ownWaitSeconds, wait.seconds);
        }
      }
      // Throttled inside a batch is throttled for the tenant: every request waits, once.
      if (throttledWait) this.gate.pause(throttledWait);
      if (again.length === 0) return;
      try {
        await this.gate.wait(options.signal);
        await waitUntil(Date.now() + ownWaitSeconds * 1000, options.signal);
      } catch (error) {
        for (const step of again) outcomes.set(step.id, unanswered(step, error, landed.has(step.id)));
        return;
      }
      pending = again;
    }
  }

  private async sendBatch(steps: BatchStep[], options: ReadOptions, landed: ReadonlySet<string>): Promise<Map<string, BatchOutcome>> {
    const requests = steps.map((s) => ({
      id: s.id,
      method: s.method,
      url: s.path,
      ...(s.body === undefined ? {} : { body: s.body, headers: { 'Content-Type': 'application/json' } }),
      ...(s.dependsOn?.length ? { dependsOn: s.dependsOn } : {}),
    }));
    // A batch of idempotent steps (reads, `$ref` moves, PUT, PATCH, DELETE) may be sent again whole.
    const repeatable = steps.every((s) => canRepeat(s.method, this.resolve(s.path), false));
    const changes = steps.some((s) => s.method !== 'GET');
    const { body, repeated } = await this.send('POST', '/$batch', { requests }, { ...options, repeatable, changes });
    const responses = (body as { responses?: unknown })?.responses;
    const answers = new Map<string, BatchOutcome>();
    if (!Array.isArray(responses)) return answers;
    const byId = new Map(steps.map((s) => [s.id, s]));
    for (const raw of responses as RawBatchResponse[]) {
      const step = byId.get(raw?.id as string);
      if (!step || typeof raw.status !== 'number') continue;
      if (raw.status >= 200 && raw.status < 300) {
        answers.set(step.id, { id: step.id, ok: true, status: raw.status, body: raw.body });
        this.limiter.succeeded();
      } else {
        const headers = new Map(Object.entries(raw.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
        const error = this.withGrants(errorFromResponse(
          { method: step.method, path: step.path },
          raw.status,
          { get: (name) => headers.get(name.toLowerCase()) ?? null },
          raw.body === undefined ? '' : JSON.stringify(raw.body),
          repeated || landed.has(step.id),
        ));
        answers.set(step.id, { id: step.id, ok: false, status: raw.status, error, unknown: mayHaveTakenEffect(error) });
      }
    }
    return answers;
  }
}

interface CollectionPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

interface RawBatchResponse {
  id?: string;
  status?: number;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/**
 * A step of a `$batch` that got no answer of its own: a write in it may or may not have happened
 * when the round trip may have reached the service (or an earlier round did).
 */
function unanswered(step: BatchStep, cause: unknown, landedBefore: boolean): BatchOutcome {
  const write = step.method !== 'GET';
  const error = cause instanceof WorkCancelled ? new GraphCancelledError({ method: step.method, path: step.path }, write && landedBefore) : cause;
  const status = error instanceof GraphRequestError ? error.status : 0;
  return { id: step.id, ok: false, status, error: error instanceof Error ? error : new Error(String(error)), unknown: write && (landedBefore || mayHaveTakenEffect(error)) };
}

function missingAnswer(step: BatchStep, landedBefore: boolean): BatchOutcome {
  const error = errorFromResponse({ method: step.method, path: step.path }, 0, { get: () => null },
    JSON.stringify({ error: { code: '', message: 'The batch answer had no response for this request.' } }), landedBefore);
  return { id: step.id, ok: false, status: 0, error, unknown: mayHaveTakenEffect(error) };
}
