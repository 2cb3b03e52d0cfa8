// One Retry-After for the whole tenant: Graph throttles per app and tenant, so after a 429 every
// request waits it out once, instead of each finding out (and being refused) on its own.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ThrottleGate {
  private until = 0;

  /** Waits until the last Retry-After has passed. */
  async wait(): Promise<void> {
    for (let left = this.until - Date.now(); left > 0; left = this.until - Date.now()) await sleep(left);
  }

  pauseFor(seconds: number): void {
    this.until = Math.max(this.until, Date.now() + seconds * 1000);
  }
}

/** Below the retry handler: every attempt, retries included, passes the gate. */
export class ThrottleMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly gate: ThrottleGate, private readonly defaultSeconds: number) {}

  async execute(context: Context): Promise<void> {
    await this.gate.wait();
    await this.next?.execute(context);
    const response = context.response;
    if (response?.status === 429) {
      const header = Number(response.headers.get('Retry-After'));
      this.gate.pauseFor(Number.isFinite(header) && header >= 0 ? header : this.defaultSeconds);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
