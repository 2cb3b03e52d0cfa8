// One deadline for a whole load, however many requests and retries it takes: the tree says it
// gave up instead of spinning for minutes, and nothing more is sent for the work it gave up on.
import { setMaxListeners } from 'node:events';
import { l10n } from '../shared/l10n';

export class DeadlineError extends Error {
  constructor(readonly seconds: number) {
    super(l10n.t('Microsoft Graph did not answer within {0} s (the connectorGroups.requestTimeoutSeconds setting).', seconds));
    this.name = 'DeadlineError';
  }
}

/**
 * The work's result, or a DeadlineError once `ms` have passed. The work gets a signal that aborts
 * then (or when `cancel` aborts): its queued requests leave the queue and its sockets close.
 */
export function withinDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, cancel?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  // One signal is shared by every request of a load: many listeners are expected, not a leak.
  setMaxListeners(0, controller.signal);
  const onCancel = () => controller.abort(cancel?.reason);
  cancel?.addEventListener('abort', onCancel, { once: true });
  if (cancel?.aborted) onCancel();
  const timer = setTimeout(() => controller.abort(new DeadlineError(Math.round(ms / 1000))), ms);
  const started = work(controller.signal);
  started.catch(() => undefined);
  const stopped = new Promise<never>((_, reject) => {
    if (controller.signal.aborted) reject(controller.signal.reason);
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  stopped.catch(() => undefined);
  return Promise.race([started, stopped]).finally(() => {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', onCancel);
    // Whatever of the work is still running has lost its reader: stop it.
    if (!controller.signal.aborted) controller.abort(new DeadlineError(0));
  });
}
