// Reproducible chance: a draw in [0, 1) that is a pure function of a seed, a purpose and the request
// (method, path and query, body text, and how many times the same request came before), so requests
// arriving in another order, or side by side, meet the same faults and the same read lag.
import { createHash } from 'node:crypto';

export interface RequestIdentity {
  method: string;
  /** Path and query, as sent. */
  target: string;
  /** The body text; empty without one. */
  body: string;
}

/** Which arrival of which request: the request's digest and how many times it came before. */
export interface DrawKey {
  digest: string;
  before: number;
}

/** More distinct requests than any test sends; past it the count starts over rather than grow without end. */
const MAX_REMEMBERED = 200_000;

export class RequestCounter {
  private readonly seen = new Map<string, number>();

  /** Counts this arrival and returns its key. */
  arrive(request: RequestIdentity): DrawKey {
    const digest = createHash('sha256')
      .update(`${request.method.toUpperCase()}\0${request.target}\0`)
      .update(withoutLoopbackOrigin(request.body))
      .digest('base64url');
    const before = this.seen.get(digest) ?? 0;
    if (before === 0 && this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    this.seen.set(digest, before + 1);
    return { digest, before };
  }

  clear(): void {
    this.seen.clear();
  }
}

/**
 * A body names the sandbox by its address (`@odata.id` links); the port changes from start to start
 * and does not make a request another one.
 */
function withoutLoopbackOrigin(body: string): string {
  return body.replace(/https?:\/\/(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]):\d+/gi, '');
}

/** The draw for one purpose (a fault rule, the read lag) and one arrival of a request. */
export function draw(seed: number, purpose: string, key: DrawKey): number {
  const hash = createHash('sha256').update(`${seed >>> 0}\0${purpose}\0${key.before}\0${key.digest}`).digest();
  return hash.readUInt32BE(0) / 2 ** 32;
}
