// Bounds each attempt (the answer's body included) by the request timeout, and keeps what the
// attempts tell of a change: whether one before the last may have been carried out. Sits below the
// retry handler, so waiting for Retry-After between attempts is never timed.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { networkCode } from '../networkErrors';

interface Attempts {
  count: number;
  /** Some attempt so far may have been carried out. */
  landed: boolean;
  /** Some attempt before the latest may have been carried out. */
  landedBefore: boolean;
}

const attempts = new WeakMap<Context, Attempts>();

/** How many times this request went on the wire (retries included). */
export function attemptsOf(context: Context): number {
  return attempts.get(context)?.count ?? 0;
}

/**
 * True when an attempt before the latest may have been carried out: a refusal of the latest may then
 * only say that the earlier one worked. A 429 was refused before any work, and a connection that
 * never opened carried nothing.
 */
export function earlierAttemptMayHaveLanded(context: Context): boolean {
  return attempts.get(context)?.landedBefore ?? false;
}

/** True when some attempt so far, the latest included, may have been carried out. */
export function anyAttemptMayHaveLanded(context: Context): boolean {
  return attempts.get(context)?.landed ?? false;
}

/** Connection failures that happen before a request is sent. */
const NEVER_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT|ERR_TLS_CERT_ALTNAME_INVALID|CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)$/;

/** Whether one attempt may have been carried out, from its answer or from how it failed. */
export function mayHaveLanded(response: Response | undefined, error?: unknown): boolean {
  if (response) return response.status >= 500;
  const code = networkCode(error);
  return !(code && NEVER_SENT.test(code));
}

/** Statuses whose answer never has a body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

export class AttemptMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const record = attempts.get(context) ?? { count: 0, landed: false, landedBefore: false };
    record.count++;
    record.landedBefore = record.landed;
    attempts.set(context, record);
    const options = (context.options ??= {});
    const caller = options.signal ?? undefined;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    options.signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
    try {
      try {
        await this.next?.execute(context);
      } catch (error) {
        record.landed ||= mayHaveLanded(undefined, error);
        throw error;
      }
      const response = context.response;
      if (!response) return;
      record.landed ||= mayHaveLanded(response);
      // Read the whole body now, under this attempt's deadline, so a late body is a timeout here
      // rather than a bare error in whoever reads it later.
      const body = NO_BODY.has(response.status) ? null : await response.arrayBuffer();
      context.response = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      options.signal = caller;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
