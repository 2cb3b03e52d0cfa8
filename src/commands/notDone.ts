// A command's failure said as what was not done: "'India Pune' was not renamed: …", not a bare
// "service unavailable" from whichever request happened to fail (a duplicate-name lookup, say).
import { UncertainOutcomeError } from '../operations/ambiguity';
import { describeError } from '../ui/describeError';
import { ActionableError } from './actionableError';
import { Cancelled } from './targets';

/** Runs a step; a failure is said after `notDone`, unless it already says what happened (a cancel, an outcome read back). */
export async function notDoneIf<T>(notDone: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof Cancelled || error instanceof UncertainOutcomeError) throw error;
    const message = `${notDone}: ${describeError(error)}`;
    throw error instanceof ActionableError ? new ActionableError(message, error.actionLabel, error.action) : new Error(message);
  }
}
