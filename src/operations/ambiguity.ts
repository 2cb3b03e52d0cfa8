// Which failures leave a write's outcome unknown, and the error that says what is known.
import { GraphNetworkError, GraphRequestError } from '../graph/errors';
import { l10n } from '../shared/l10n';
import type { ReadBackResult } from './readBack';

/** No answer, or a server-side failure after which the change may have been made all the same. */
export function isAmbiguous(error: unknown): boolean {
  if (error instanceof GraphNetworkError) return error.outcomeUnknown;
  return error instanceof GraphRequestError && error.status >= 500;
}

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
