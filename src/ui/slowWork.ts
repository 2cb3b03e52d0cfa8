// A command's requests carry its Cancel and its ear for retries (graph/workContext): once Graph makes
// it retry, a notice says so ("Graph is busy (HTTP 503): retry 2 of 5") and its Cancel stops the
// command's requests where they are. Quick work never shows it.
import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import { WorkCancelled, withWork, type RetryNote } from '../graph/workContext';
import type { Services } from '../services';

export async function slowWork<T>(services: Services, task: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // Every request of the command listens to it: many listeners are expected, not a leak.
  setMaxListeners(0, controller.signal);
  let notice: ReturnType<Services['prompts']['slowWork']> | undefined;
  let finished = false;
  const onRetry = (note: RetryNote) => {
    // Work the command left running (a load it started) may retry after it ended: nothing to cancel then.
    if (finished || controller.signal.aborted) return;
    notice ??= services.prompts.slowWork(vscode.l10n.t('Microsoft Graph is slow to answer'), () => controller.abort(new WorkCancelled()));
    notice.report(retryText(note));
  };
  try {
    return await withWork({ signal: controller.signal, onRetry }, task);
  } finally {
    finished = true;
    notice?.close();
  }
}

export function retryText(note: RetryNote): string {
  if (note.status === 429) return vscode.l10n.t('Graph is throttling: retry {0} of {1}', note.attempt, note.of);
  if (note.status !== undefined) return vscode.l10n.t('Graph is busy (HTTP {0}): retry {1} of {2}', note.status, note.attempt, note.of);
  return vscode.l10n.t('No answer from Graph: retry {0} of {1}', note.attempt, note.of);
}
