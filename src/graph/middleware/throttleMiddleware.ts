// The waits between attempts. One Retry-After for the whole tenant: Graph throttles per app and
// tenant, so after a 429 every request waits it out once, instead of each finding out (and being
// refused) on its own. A 503 or 504 makes only its own request wait. Every wait is bounded (see
// retryAfter.ts) and ends when the request's signal aborts; the retry handler above decides whether
// to try again but is told to wait 0 s, since its own sleep can be neither cancelled nor shared.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { retryWait, type RetryWait } from '../retryAfter';

/** A timer that an abort ends early (the waiter then checks the signal). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Sleeps until `until` (a time in ms), or throws the signal's reason once it aborts. */
export async function waitUntil(until: number, signal?: AbortSignal): Promise<void> {
  for (let left = until - Date.now(); left > 0; left = until - Date.now()) {
    signal?.throwIfAborted();
    await sleep(left, signal);
  }
  signal?.throwIfAborted();
}

export class ThrottleGate {
  private until = 0;

  /** `said` hears of every pause, so a capped Retry-After reaches the log. */
  constructor(private readonly said: (wait: RetryWait) => void = () => undefined) {}

  /** Waits until the last Retry-After has passed, or until `signal` aborts (then throws its reason). */
  wait(signal?: AbortSignal): Promise<void> {
    return waitUntil(this.until, signal);
  }

  pause(wait: RetryWait): void {
    this.said(wait);
    this.until = Math.max(this.until, Date.now() + wait.seconds * 1000);
  }
}

/** The statuses the retry handler repeats; their wait is decided here. */
const WAIT_STATUSES = new Set([429, 503, 504]);

/** The back-off without a Retry-After, growing as the Graph client's own does: 1.5 s, 3.5 s, 7.5 s… plus the base. */
export function backOffSeconds(baseSeconds: number, attempt: number): number {
  return baseSeconds + (attempt >= 2 ? (2 ** attempt - 1) / 2 : 0);
}

interface RequestWaits {
  attempts: number;
  /** This request's own next attempt waits until then (after a 503 or 504). */
  until: number;
}

const waits = new WeakMap<Context, RequestWaits>();

/** Below the retry handler: every attempt, retries included, passes the gate. */
export class ThrottleMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly gate: ThrottleGate,
    private readonly baseSeconds: number,
    /** Told of every 429, so the tenant's concurrency comes down. */
    private readonly throttled: () => void = () => undefined,
  ) {}

  async execute(context: Context): Promise<void> {
    const signal = context.options?.signal ?? undefined;
    const own = waits.get(context) ?? { attempts: 0, until: 0 };
    waits.set(context, own);
    await this.gate.wait(signal);
    await waitUntil(own.until, signal);
    await this.next?.execute(context);
    const response = context.response;
    if (!response || !WAIT_STATUSES.has(response.status)) return;
    const wait = retryWait(response.headers.get('Retry-After'), backOffSeconds(this.baseSeconds, ++own.attempts));
    if (response.status === 429) {
      this.throttled();
      this.gate.pause(wait);
    } else {
      own.until = Date.now() + wait.seconds * 1000;
    }
    const headers = new Headers(response.headers);
    headers.set('Retry-After', '0');
    context.response = new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
