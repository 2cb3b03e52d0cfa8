// The error that says what is known of a write whose answer was lost.
import { l10n } from '../shared/l10n';
import type { ReadBackResult } from './readBack';

/** A write whose answer was lost and that a read-back did not confirm. */
export class UncertainOutcomeError extends Error {
  override readonly name = 'UncertainOutcomeError';

  constructor(readonly original: unknown, readonly found: Exclude<ReadBackResult, 'done'>, what: string) {
    const said = original instanceof Error ? original.message : String(original);
    super(found === 'notDone'
      ? l10n.t('{0} failed: {1} Reading back shows it was not done: nothing changed, and you can try again.', what, said)
      : l10n.t('{0}: {1} It could not be read back either, so it may or may not have been done. Refresh before trying again.', what, said));
  }
}
