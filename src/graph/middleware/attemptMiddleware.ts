// Bounds each attempt (the answer's body included) by the request timeout, and counts the attempts.
// Sits below the retry handler, so waiting for Retry-After between attempts is never timed.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

const attempts = new WeakMap<Context, number>();

/** How many times this request went on the wire (retries included). */
export function attemptsOf(context: Context): number {
  return attempts.get(context) ?? 0;
}

/** Statuses whose answer never has a body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

export class AttemptMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    attempts.set(context, attemptsOf(context) + 1);
    const options = (context.options ??= {});
    const caller = options.signal ?? undefined;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    options.signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
    try {
      await this.next?.execute(context);
      const response = context.response;
      if (!response) return;
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
