// The person's action a request is sent for, carried along the awaits from the command to the socket:
// its Cancel (a signal every request of the action obeys) and an ear for retries, so a long wait on a
// busy Graph is said while it lasts. Commands set it once; the Graph layer reads it on every send.
import { AsyncLocalStorage } from 'node:async_hooks';

/** One retry the gateway is about to make for the action. */
export interface RetryNote {
  attempt: number;
  /** The most attempts this request gets. */
  of: number;
  /** What the last attempt met: an HTTP status, or undefined when no answer came. */
  status?: number;
  /** Seconds until the retry, when known. */
  waitSeconds?: number;
}

export interface Work {
  signal?: AbortSignal;
  onRetry?(note: RetryNote): void;
}

/** The reason a person's Cancel aborts with: nothing new is sent after it. */
export class WorkCancelled extends Error {
  override readonly name = 'WorkCancelled';

  constructor() {
    super('Cancelled.');
  }
}

const store = new AsyncLocalStorage<Work>();

export function withWork<T>(work: Work, task: () => Promise<T>): Promise<T> {
  return store.run(work, task);
}

export function currentWork(): Work | undefined {
  return store.getStore();
}

/** The request's own signal joined with its action's Cancel. */
export function joinedSignal(own: AbortSignal | undefined): AbortSignal | undefined {
  const action = store.getStore()?.signal;
  if (!action) return own;
  return own ? AbortSignal.any([own, action]) : action;
}

/**
 * Starts work others share (a tenant's load, which the tree shows) apart from the current action's
 * Cancel: the action's retries are still said, but its Cancel does not end the work for everyone.
 */
export function startShared<T>(start: () => Promise<T>): Promise<T> {
  const onRetry = store.getStore()?.onRetry;
  return store.run(onRetry ? { onRetry } : {}, start);
}

/** Waits for shared work under the current action's Cancel: a Cancel ends the wait, not the work. */
export function waitShared<T>(shared: Promise<T>): Promise<T> {
  const signal = store.getStore()?.signal;
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(cancelReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function cancelReason(signal: AbortSignal): unknown {
  return signal.reason instanceof Error ? signal.reason : new WorkCancelled();
}
