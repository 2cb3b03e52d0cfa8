// The one way the extension talks to Graph: the Graph client's middleware chain, JSON in and out,
// typed errors, next links followed by URL, and $batch with its inner throttling handled.
import type { TokenCredential } from '@azure/identity';
import type { Context } from '@microsoft/microsoft-graph-client';
// The three pieces of the Graph client used, by their own modules: the package's index would load
// (and bundle) all of it.
import { HTTPMessageHandler } from '@microsoft/microsoft-graph-client/lib/src/middleware/HTTPMessageHandler';
import { RetryHandler } from '@microsoft/microsoft-graph-client/lib/src/middleware/RetryHandler';
import { RetryHandlerOptions } from '@microsoft/microsoft-graph-client/lib/src/middleware/options/RetryHandlerOptions';
import { GraphCredentialError, GraphInputError, GraphNetworkError, GraphRequestError, errorFromResponse, mayHaveTakenEffect } from './errors';
import { AttemptMiddleware, attemptsOf } from './middleware/attemptMiddleware';
import { BearerTokenMiddleware } from './middleware/bearerTokenMiddleware';
import { RoundTripMiddleware, type RoundTrip } from './middleware/roundTripMiddleware';
import { ThrottleGate, ThrottleMiddleware } from './middleware/throttleMiddleware';
import { Limiter } from './limiter';
import { RETRY_STATUSES, canRepeat } from './retryPolicy';

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
  /** Requests of this tenant in flight at once (default 4). */
  maxConcurrency?: number;
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
  | { id: string; ok: false; status: number; error: GraphRequestError | GraphNetworkError; unknown: boolean };

export interface SendOptions {
  /** Overrides the retry policy's view of the request (a `$batch` of idempotent steps may be repeated). */
  repeatable?: boolean;
  /** Ahead of the queue: what a person is waiting for. */
  urgent?: boolean;
}

export const MAX_BATCH_SIZE = 20;
const MAX_PAGES = 10_000;
/** Rounds of a `$batch` for the steps Graph throttled or could not serve. */
const MAX_BATCH_ROUNDS = 8;
const NETWORK_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class GraphHttp {
  /** `origin/beta`: every path is resolved against it, and next links must stay under it. */
  readonly serviceRoot: string;
  private readonly chain: BearerTokenMiddleware;
  private readonly language: string;
  private readonly retryDelaySeconds: number;
  /** Requests whose caller said they may be repeated, whatever the method says (see SendOptions). */
  private readonly repeatable = new WeakSet<object>();
  private readonly gate = new ThrottleGate();
  private readonly limiter: Limiter;

  constructor(options: GraphHttpOptions) {
    const origin = new URL(options.origin).origin;
    this.serviceRoot = `${origin}/beta`;
    this.language = options.language ?? 'en-US';
    this.retryDelaySeconds = options.retryDelaySeconds ?? 1;
    const retryOptions = new RetryHandlerOptions(
      this.retryDelaySeconds,
      options.maxRetries ?? 5,
      (_delay, _attempt, request, fetchOptions, response) => (fetchOptions !== undefined && this.repeatable.has(fetchOptions))
        || canRepeat(fetchOptions?.method ?? 'GET', typeof request === 'string' ? request : request.url, response.status === 429),
    );
    this.chain = new BearerTokenMiddleware(options.credential, options.scopes, origin);
    const retry = new RetryHandler(retryOptions);
    const roundTrips = new RoundTripMiddleware(options.onRoundTrip ?? (() => undefined));
    const attempt = new AttemptMiddleware(options.timeoutMs ?? 60_000);
    const throttle = new ThrottleMiddleware(this.gate, this.retryDelaySeconds);
    this.limiter = new Limiter(options.maxConcurrency ?? 4);
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
  send(method: string, pathOrUrl: string, body?: unknown, sendOptions: SendOptions = {}): Promise<{ status: number; body: unknown }> {
    return this.limiter.run(() => this.sendNow(method, pathOrUrl, body, sendOptions), sendOptions.urgent);
  }

  private async sendNow(method: string, pathOrUrl: string, body: unknown, sendOptions: SendOptions): Promise<{ status: number; body: unknown }> {
    const url = this.resolve(pathOrUrl);
    const description = { method, path: url.slice(this.serviceRoot.length) };
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.language,
      'client-request-id': crypto.randomUUID(),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const repeatable = sendOptions.repeatable ?? canRepeat(method, url, false);
    for (let attempt = 1; ; attempt++) {
      const context: Context = {
        request: url,
        options: { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      };
      if (sendOptions.repeatable) this.repeatable.add(context.options!);
      try {
        await this.chain.execute(context);
      } catch (error) {
        if (error instanceof GraphInputError) throw error;
        if (error instanceof GraphCredentialError) throw error.reason;
        const reason = networkReason(error);
        if (attempt < NETWORK_ATTEMPTS && repeatable) {
          await sleep(250 * attempt);
          continue;
        }
        throw new GraphNetworkError(description, reason, method !== 'GET');
      }
      const response = context.response!;
      // The body was read within the attempt's deadline (AttemptMiddleware), so this cannot hang.
      const text = await response.text();
      const repeated = attempt > 1 || attemptsOf(context) > 1;
      if (!response.ok) throw errorFromResponse(description, response.status, response.headers, text, repeated);
      if (text.trim() === '') return { status: response.status, body: undefined };
      try {
        return { status: response.status, body: JSON.parse(text) };
      } catch {
        throw errorFromResponse(description, response.status, response.headers, `Graph answered ${response.status} with a body that is not JSON.`);
      }
    }
  }

  /** How many requests may be in flight at once. */
  get concurrency(): number {
    return this.limiter.max;
  }

  async get<T>(pathOrUrl: string, urgent = false): Promise<T> {
    return (await this.send('GET', pathOrUrl, undefined, { urgent })).body as T;
  }

  /** One resource, without its OData annotations (`@odata.context`). */
  async getEntity<T extends object>(pathOrUrl: string): Promise<T> {
    const body = await this.get<Record<string, unknown>>(pathOrUrl);
    return Object.fromEntries(Object.entries(body ?? {}).filter(([key]) => !key.startsWith('@odata.'))) as T;
  }

  /** All items of a collection, following `@odata.nextLink` as the absolute URL it is; `page` sees each page as it comes. */
  async getAll<T>(pathOrUrl: string, urgent = false, page?: (items: T[]) => void): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = pathOrUrl;
    for (let count = 0; next !== undefined; count++) {
      if (count >= MAX_PAGES) throw new GraphInputError(`Stopped after ${MAX_PAGES} pages of ${pathOrUrl}.`);
      const body: CollectionPage<T> = await this.get<CollectionPage<T>>(next, urgent);
      items.push(...(body?.value ?? []));
      page?.(body?.value ?? []);
      next = body?.['@odata.nextLink'];
    }
    return items;
  }

  /**
   * Sends steps in `$batch` requests of up to 20. Inner answers are not retried by the middleware,
   * so throttled (and safely repeatable) steps are sent again after the longest Retry-After. It never
   * throws for Graph's or the network's failures: each step gets its outcome, so what succeeded in
   * one round is kept when a later one fails.
   */
  async batch(steps: BatchStep[], urgent = false): Promise<Map<string, BatchOutcome>> {
    const outcomes = new Map<string, BatchOutcome>();
    const chunks: BatchStep[][] = [];
    for (let start = 0; start < steps.length; start += MAX_BATCH_SIZE) chunks.push(steps.slice(start, start + MAX_BATCH_SIZE));
    // The rounds of different chunks are independent: they run side by side, as many as the limiter lets.
    await Promise.all(chunks.map((chunk) => this.batchChunk(chunk, outcomes, urgent)));
    return outcomes;
  }

  private async batchChunk(chunk: BatchStep[], outcomes: Map<string, BatchOutcome>, urgent: boolean): Promise<void> {
    let pending = chunk;
    for (let round = 1; pending.length > 0; round++) {
      let answers: Map<string, BatchOutcome>;
      try {
        answers = await this.sendBatch(pending, urgent);
      } catch (error) {
        // Only a failure of the round trip itself becomes the steps' outcome; anything else (a
        // refused link, no sign-in) is the caller's to see.
        if (!(error instanceof GraphRequestError || error instanceof GraphNetworkError)) throw error;
        for (const step of pending) outcomes.set(step.id, unanswered(step, error));
        break;
      }
      const again: BatchStep[] = [];
      let waitSeconds = 0;
      for (const step of pending) {
        const outcome = answers.get(step.id) ?? missingAnswer(step);
        const repeatable = !outcome.ok && RETRY_STATUSES.has(outcome.status)
          && canRepeat(step.method, this.resolve(step.path), outcome.status === 429);
        if (repeatable && round < MAX_BATCH_ROUNDS && !(step.dependsOn ?? []).length) {
          again.push(step);
          waitSeconds = Math.max(waitSeconds, outcome.ok ? 0 : (outcome.error as GraphRequestError).retryAfterSeconds ?? this.retryDelaySeconds);
        } else {
          outcomes.set(step.id, outcome);
        }
      }
      if (again.length > 0) {
        // Throttled inside a batch is throttled for the tenant: every request waits, once.
        this.gate.pauseFor(waitSeconds);
        await this.gate.wait();
      }
      pending = again;
    }
  }

  private async sendBatch(steps: BatchStep[], urgent: boolean): Promise<Map<string, BatchOutcome>> {
    const requests = steps.map((s) => ({
      id: s.id,
      method: s.method,
      url: s.path,
      ...(s.body === undefined ? {} : { body: s.body, headers: { 'Content-Type': 'application/json' } }),
      ...(s.dependsOn?.length ? { dependsOn: s.dependsOn } : {}),
    }));
    // A batch of idempotent steps (reads, `$ref` moves, PUT, PATCH, DELETE) may be sent again whole.
    const repeatable = steps.every((s) => canRepeat(s.method, this.resolve(s.path), false));
    const { body } = await this.send('POST', '/$batch', { requests }, { repeatable, urgent });
    const responses = (body as { responses?: unknown })?.responses;
    const answers = new Map<string, BatchOutcome>();
    if (!Array.isArray(responses)) return answers;
    for (const raw of responses as RawBatchResponse[]) {
      const step = steps.find((s) => s.id === raw?.id);
      if (!step || typeof raw.status !== 'number') continue;
      if (raw.status >= 200 && raw.status < 300) {
        answers.set(step.id, { id: step.id, ok: true, status: raw.status, body: raw.body });
      } else {
        const headers = new Map(Object.entries(raw.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
        const error = errorFromResponse(
          { method: step.method, path: step.path },
          raw.status,
          { get: (name) => headers.get(name.toLowerCase()) ?? null },
          raw.body === undefined ? '' : JSON.stringify(raw.body),
        );
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

/** A step of a `$batch` that got no answer of its own: a write in it may or may not have happened. */
function unanswered(step: BatchStep, error: GraphRequestError | GraphNetworkError): BatchOutcome {
  const status = error instanceof GraphRequestError ? error.status : 0;
  return { id: step.id, ok: false, status, error, unknown: step.method !== 'GET' && mayHaveTakenEffect(error) };
}

function missingAnswer(step: BatchStep): BatchOutcome {
  const error = errorFromResponse({ method: step.method, path: step.path }, 0, { get: () => null },
    JSON.stringify({ error: { code: '', message: 'The batch answer had no response for this request.' } }));
  return { id: step.id, ok: false, status: 0, error, unknown: mayHaveTakenEffect(error) };
}

/** Words for what went wrong on the wire; the raw code is kept in brackets for support. */
const NETWORK_WORDS: Record<string, string> = {
  UND_ERR_SOCKET: 'the connection was closed before an answer came',
  ECONNRESET: 'the connection was reset',
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name could not be found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
};

function networkReason(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'the request timed out';
  const code = e?.cause?.code;
  if (code && NETWORK_WORDS[code]) return `${NETWORK_WORDS[code]} (${code})`;
  return code ? `the connection failed (${code})` : e?.cause?.message ?? e?.message ?? 'the connection failed';
}
