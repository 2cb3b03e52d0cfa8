// Which requests may be sent again after a failure without risking a second change, and what a
// refusal of such a repeat means: the one rule for every caller.
import { GraphRequestError } from './errors';

/**
 * A throttled request (429) was not carried out, so it can always be repeated. After a 503/504 or a
 * lost connection the first attempt may have taken effect: GET, PUT, PATCH and DELETE are idempotent
 * here, and adding a `$ref` twice has the same result as once; a POST that creates something, or a
 * `$batch` that may hold one, must not be repeated blindly.
 */
export function canRepeat(method: string, url: string, throttled: boolean): boolean {
  if (throttled) return true;
  if (method.toUpperCase() !== 'POST') return true;
  return new URL(url).pathname.endsWith('/$ref');
}

export const RETRY_STATUSES = new Set([429, 503, 504]);

/**
 * A refusal that proves the earlier attempt worked: a DELETE repeated after an attempt that may have
 * been carried out, answered 404, finds what it deleted gone. Any other refusal of a repeat proves
 * nothing either way (mayHaveTakenEffect says so, and the caller reads back).
 */
export function refusedRepeatIsDone(error: unknown): boolean {
  return error instanceof GraphRequestError && error.repeated && error.request.method.toUpperCase() === 'DELETE' && error.status === 404;
}
