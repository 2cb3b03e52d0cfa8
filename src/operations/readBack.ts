// After a write whose answer was lost, find out from the service whether it happened, allowing for
// replicas that lag behind a write for a few seconds.
import { withWork } from '../graph/workContext';

export interface ReadBackTiming {
  /** Wait this long before the first look, so a lagging replica has caught up with the write. */
  settleMs: number;
  /** Keep looking this long for a write that is not visible yet. */
  windowMs: number;
  intervalMs: number;
}

export const DEFAULT_READ_BACK: ReadBackTiming = { settleMs: 1000, windowMs: 4000, intervalMs: 500 };

/** `done`: the service shows the write; `notDone`: it still does not after the window; `unknown`: no look succeeded. */
export type ReadBackResult = 'done' | 'notDone' | 'unknown';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function readBack(shows: () => Promise<boolean>, timing: ReadBackTiming = DEFAULT_READ_BACK): Promise<ReadBackResult> {
  await sleep(timing.settleMs);
  const deadline = Date.now() + timing.windowMs;
  let answered = false;
  for (;;) {
    try {
      // Outside the command's Cancel: a write cancelled on its way is still found out before anything is said.
      if (await withWork({}, shows)) return 'done';
      answered = true;
    } catch {
      // A failed look proves nothing either way; look again.
    }
    if (Date.now() >= deadline) return answered ? 'notDone' : 'unknown';
    await sleep(timing.intervalMs);
  }
}
