// The host's side of the plan worker: one worker thread, started on first use, answering one
// request at a time in order. The tenant goes to it as JSON made in slices between which the host
// takes other work, so no single task of the host's grows with the tenant.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConnectorGroupWithContents } from '../graph/types';
import type { GroupsJson, WorkAnswers, WorkRequest } from './planWork';
import { sendAhead, WireStore } from './workerWire';

/** Items (groups, connectors, applications) a slice: a few milliseconds of JSON each. */
const SLICE_ITEMS = 2_000;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The groups as JSON slices, yielding between slices. */
export async function groupsJson(groups: readonly ConnectorGroupWithContents[]): Promise<GroupsJson> {
  const slices: string[] = [];
  let start = 0;
  let items = 0;
  for (let i = 0; i < groups.length; i++) {
    items += 1 + groups[i].members.length + groups[i].applications.length;
    if (items < SLICE_ITEMS && i < groups.length - 1) continue;
    if (slices.length > 0) await yieldToHost();
    slices.push(JSON.stringify(groups.slice(start, i + 1)));
    start = i + 1;
    items = 0;
  }
  return slices;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; worker: Worker };

export class PlanWorker {
  private worker?: Worker;
  private next = 0;
  private refs = 0;
  private readonly pending = new Map<number, Pending>();

  /** `script`: the worker's file (dist/planWorker.js beside the extension's bundle). */
  constructor(private readonly script: string = path.join(__dirname, 'planWorker.js'), private readonly bundle?: Record<string, string>) {}

  async run<K extends WorkRequest['kind']>(request: Extract<WorkRequest, { kind: K }>): Promise<WorkAnswers[K]> {
    const worker = this.started();
    const id = this.next++;
    // Held while it has work, so an answer being waited for keeps the process alive.
    worker.ref();
    const answered = new Promise<WorkAnswers[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, worker });
    });
    // Big fields go ahead in pieces, the host taking other work between them.
    const sent = await sendAhead(request, (message) => worker.postMessage(message), () => this.refs++, yieldToHost);
    worker.postMessage({ id, request: sent });
    return answered;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { bundle: this.bundle } });
    // Pieces are this worker's: a worker started after it counts its references afresh.
    const store = new WireStore();
    worker.on('message', (data: { id: number; ok: boolean; value?: unknown; message?: string }) => {
      if (store.take(data)) return;
      const { id, ok, message } = data;
      const value = ok ? store.restore(data.value) : undefined;
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (![...this.pending.values()].some((p) => p.worker === worker)) worker.unref();
      if (ok) waiting?.resolve(value);
      else waiting?.reject(new Error(message));
    });
    // A worker that dies fails what it was asked (and only that); the next request starts another.
    const fail = (error: Error) => {
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue;
        this.pending.delete(id);
        waiting.reject(error);
      }
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The plan worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
