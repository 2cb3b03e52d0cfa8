// How long to wait after Graph said "not now" (429, or a 503 that names a time): Retry-After in
// seconds or as an HTTP date, a back-off when it names none, and never longer than a bound.

/** The longest wait honoured, as the Graph client's own RetryHandler caps it. */
export const MAX_RETRY_AFTER_SECONDS = 180;

export interface RetryWait {
  /** What will be waited. */
  seconds: number;
  /** What the answer asked for, when it asked for something readable. */
  askedSeconds?: number;
  /** True when the answer asked for longer than MAX_RETRY_AFTER_SECONDS. */
  capped: boolean;
}

/** The seconds a Retry-After value asks for (0 for a date already past), or undefined when it says nothing readable. */
export function retryAfterSeconds(header: string | null | undefined, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  // An HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`); a bare number in another form is not one.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, (at - now) / 1000) : undefined;
}

/** The wait after a throttled answer: its Retry-After, or `backOffSeconds` without one, capped. */
export function retryWait(header: string | null | undefined, backOffSeconds: number, now = Date.now()): RetryWait {
  const asked = retryAfterSeconds(header, now);
  const wanted = asked ?? backOffSeconds;
  const capped = wanted > MAX_RETRY_AFTER_SECONDS;
  return { seconds: capped ? MAX_RETRY_AFTER_SECONDS : wanted, ...(asked === undefined ? {} : { askedSeconds: asked }), capped };
}
