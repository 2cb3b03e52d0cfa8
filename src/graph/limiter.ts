// At most N requests of a tenant in flight (Graph allows a handful per app and tenant); urgent work
// (the group a person just expanded) goes to the front of the queue.
export class Limiter {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly max: number) {}

  async run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    if (this.running >= this.max) {
      await new Promise<void>((resolve) => (urgent ? this.queue.unshift(resolve) : this.queue.push(resolve)));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so `running` only drops when none waits.
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}
