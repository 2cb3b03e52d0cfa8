// Read-after-write lag: reads may show the tenant as it was up to `lagMs` ago, as the live service's
// replicas do. Each write keeps a copy of the state it replaced, for as long as a read may still see it.
// How far back a read looks is drawn from the seed and the read itself (see requestDraw.ts), so two
// runs with one seed lag the same reads.
import type { Tenant } from './model';
import { RequestCounter, draw, type RequestIdentity } from './requestDraw';

interface Past {
  /** The moment this state was replaced by a write. */
  until: number;
  tenant: Tenant;
}

export class ReadLag {
  private past: Past[] = [];
  private readonly arrivals = new RequestCounter();

  constructor(public lagMs = 0, private readonly seed = 1) {}

  /** Call before a write; the returned function records the write once it took effect. */
  beforeWrite(current: Tenant): () => void {
    if (this.lagMs <= 0) return () => undefined;
    const before = structuredClone(current);
    return () => {
      const now = Date.now();
      this.past.push({ until: now, tenant: before });
      this.past = this.past.filter((p) => p.until >= now - this.lagMs);
    };
  }

  /** The state a read sees: the current one, or the one of a moment within the lag drawn for this read. */
  forRead(current: Tenant, read: RequestIdentity): Tenant {
    if (this.lagMs <= 0) return current;
    const key = this.arrivals.arrive(read);
    if (this.past.length === 0) return current;
    const moment = Date.now() - draw(this.seed, 'read lag', key) * this.lagMs;
    return this.past.find((p) => p.until > moment)?.tenant ?? current;
  }

  /** A reset or a new tenant makes the remembered states (and reads) meaningless. */
  clear(): void {
    this.past = [];
    this.arrivals.clear();
  }
}
