// Read-after-write lag: reads may show the tenant as it was up to `lagMs` ago, as the live service's
// replicas do. Each write keeps a copy of the state it replaced, for as long as a read may still see it.
import type { Tenant } from './model';

interface Past {
  /** The moment this state was replaced by a write. */
  until: number;
  tenant: Tenant;
}

export class ReadLag {
  private past: Past[] = [];

  constructor(public lagMs = 0, private readonly random: () => number = Math.random) {}

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

  /** The state a read sees: the current one, or one from a random moment within the lag. */
  forRead(current: Tenant): Tenant {
    if (this.lagMs <= 0 || this.past.length === 0) return current;
    const moment = Date.now() - this.random() * this.lagMs;
    return this.past.find((p) => p.until > moment)?.tenant ?? current;
  }

  /** A reset or a new tenant makes the remembered states meaningless. */
  clear(): void {
    this.past = [];
  }
}
