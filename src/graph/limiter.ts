// How many requests of a tenant are in flight at once. The limit finds the service's pace: it grows
// by one after a limit's worth of answers without throttling, halves on a 429, and never passes the
// ceiling. Urgent work (the group a person just expanded) goes to the front of the queue; work whose
// signal aborts leaves the queue, or gives its slot back at once if it was running.

/** Throttling answers within this long of a halving belong to the same burst and halve nothing more. */
const BURST_MS = 1000;

interface Waiting {
  start(): void;
  signal?: AbortSignal;
  abort?: () => void;
}

export class Limiter {
  private running = 0;
  private readonly queue: Waiting[] = [];
  private current: number;
  private answered = 0;
  private lastHalving = -Infinity;
  /** The lowest and highest limit reached and how often it was halved, for the bench and the log. */
  readonly reached: { low: number; high: number; halvings: number };

  constructor(readonly ceiling: number, start = Math.min(4, ceiling)) {
    this.current = Math.max(1, Math.min(start, ceiling));
    this.reached = { low: this.current, high: this.current, halvings: 0 };
  }

  /** The number of requests allowed in flight now. */
  get limit(): number {
    return this.current;
  }

  /** An answer that was not a 429: after `limit` of them in a row, one more request may fly. */
  succeeded(): void {
    if (++this.answered < this.current || this.current >= this.ceiling) return;
    this.answered = 0;
    this.current++;
    this.reached.high = Math.max(this.reached.high, this.current);
    this.pump();
  }

  /** A 429: half as many in flight from now on (once per burst of them). */
  throttled(now = Date.now()): void {
    this.answered = 0;
    if (now - this.lastHalving < BURST_MS) return;
    this.lastHalving = now;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.reached.low = Math.min(this.reached.low, this.current);
    this.reached.halvings++;
  }

  async run<T>(task: () => Promise<T>, urgent = false, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    await this.acquire(urgent, signal);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.running--;
      this.pump();
    };
    try {
      const work = task();
      if (!signal) return await work;
      // An abandoned request gives its slot back now, not when its retries or waits are over.
      return await untilAborted(work, signal, release);
    } finally {
      release();
    }
  }

  private acquire(urgent: boolean, signal?: AbortSignal): Promise<void> {
    if (this.running < this.current && this.queue.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry: Waiting = { start: resolve, signal };
      if (signal) {
        entry.abort = () => {
          const at = this.queue.indexOf(entry);
          if (at >= 0) this.queue.splice(at, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', entry.abort, { once: true });
      }
      if (urgent) this.queue.unshift(entry);
      else this.queue.push(entry);
    });
  }

  private pump(): void {
    while (this.running < this.current && this.queue.length > 0) {
      const next = this.queue.shift()!;
      if (next.abort) next.signal?.removeEventListener('abort', next.abort);
      this.running++;
      next.start();
    }
  }
}

/** The work's result, or the signal's reason as soon as it aborts (`onAbort` runs then); no listener is left behind. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal, onAbort: () => void = () => undefined): Promise<T> {
  work.catch(() => undefined);
  if (signal.aborted) {
    onAbort();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
