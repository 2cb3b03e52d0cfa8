// Graph failures as values with meaning: what was asked, what Graph said, and the ids support asks for.
import { redactSecrets } from './redact';
import { retryAfterSeconds } from './retryAfter';

const MAX_MESSAGE_LENGTH = 1000;

export interface RequestDescription {
  method: string;
  /** Path and query below the API version, e.g. `/onPremisesPublishingProfiles/applicationProxy/connectorGroups`. */
  path: string;
  /** Whether it may change something; any method but GET when absent (a `$batch` of reads changes nothing). */
  changes?: boolean;
}

/** Whether a request may change something. */
export function isChange(request: RequestDescription): boolean {
  return request.changes ?? request.method.toUpperCase() !== 'GET';
}

/** The delegated permissions (`scp`) and directory role template ids (`wids`) a token named, where it said. */
export interface AccessGrants {
  scopes?: string[];
  roles?: string[];
}

/** Graph answered with an error status. */
export class GraphRequestError extends Error {
  override readonly name = 'GraphRequestError';
  /** On a refused change (403): what the token that was sent carried, so the message can say what is missing. */
  access?: AccessGrants;

  constructor(
    readonly request: RequestDescription,
    readonly status: number,
    /** Graph's `error.code`; may be empty (the App Proxy backend sends none for some errors). */
    readonly code: string,
    /** Graph's own `error.message`, trimmed. */
    readonly graphMessage: string,
    readonly requestId: string | undefined,
    readonly date: string | undefined,
    /** The Retry-After header as it came, if any (see retryAfter.ts for how it is read). */
    readonly retryAfterHeader?: string,
    /**
     * True when an attempt before the one answered may have been carried out (it met a 5xx or lost
     * its answer): the refusal may then only say that the earlier attempt worked. A retry after a
     * 429 is not a repeat in this sense: the 429 was refused before any work.
     */
    readonly repeated = false,
  ) {
    super(
      `${graphMessage || `Graph answered ${status} without a message.`} ` +
        `(HTTP ${status}${code ? ` ${code}` : ''}${requestId ? `, request id ${requestId}` : ''})`,
    );
  }

  /** The seconds Retry-After asked for, if it named a readable time. */
  get retryAfterSeconds(): number | undefined {
    return retryAfterSeconds(this.retryAfterHeader);
  }
}

/** No answer came: the connection failed, was dropped, or timed out. */
export class GraphNetworkError extends Error {
  override readonly name: string = 'GraphNetworkError';
  readonly reason: string;

  constructor(
    readonly request: RequestDescription,
    reason: string,
    /** True when a write may have been carried out although no answer arrived. */
    readonly outcomeUnknown: boolean,
  ) {
    const said = redactSecrets(reason);
    super(
      `No answer from Microsoft Graph for ${request.method} ${request.path}: ${said}.` +
        (outcomeUnknown ? ' The change may or may not have been made.' : ''),
    );
    this.reason = said;
  }
}

/** The person cancelled the action while this request waited or was on its way. */
export class GraphCancelledError extends GraphNetworkError {
  override readonly name = 'GraphCancelledError';

  constructor(request: RequestDescription, outcomeUnknown: boolean) {
    super(request, 'cancelled', outcomeUnknown);
    this.message = outcomeUnknown
      ? 'Cancelled while the request was on its way: the change may or may not have been made.'
      : 'Cancelled before Microsoft Graph answered.';
  }
}

/**
 * True when a write may have been carried out although it failed: an answer was lost after the
 * request may have reached the service, the service failed on its side (5xx, or a `$batch` with no
 * answer for the step), or the refusal came to a repeat of an attempt that may have worked. Reads
 * never change anything; a 429 or a connection that never opened did nothing.
 */
export function mayHaveTakenEffect(error: unknown): boolean {
  if (error instanceof GraphNetworkError) return error.outcomeUnknown;
  return error instanceof GraphRequestError && isChange(error.request) && (error.status === 0 || error.status >= 500 || error.repeated);
}

/** An input was refused before anything was sent (a malformed id, an empty name). */
export class GraphInputError extends Error {
  override readonly name = 'GraphInputError';
}

/** The credential gave no token (no session, a refused sign-in): nothing was sent; `cause` says why. */
export class GraphCredentialError extends Error {
  override readonly name = 'GraphCredentialError';

  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown>; innererror?: Record<string, unknown> };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? redactSecrets(value.trim().slice(0, MAX_MESSAGE_LENGTH)) : undefined;
}

/** Builds the error for a non-2xx answer, whatever its body holds (Graph's shape, other JSON, HTML, nothing). */
export function errorFromResponse(
  request: RequestDescription,
  status: number,
  headers: { get(name: string): string | null },
  bodyText: string,
  repeated = false,
): GraphRequestError {
  let body: ErrorBody | undefined;
  try {
    body = JSON.parse(bodyText) as ErrorBody;
  } catch {
    body = undefined;
  }
  const error = typeof body?.error === 'object' && body.error !== null ? body.error : undefined;
  const inner = error?.innerError ?? error?.innererror;
  return new GraphRequestError(
    request,
    status,
    text(error?.code) ?? '',
    text(error?.message) ?? (bodyText.trim() === '' || body ? '' : `Graph answered ${status} with a body that is not JSON.`),
    text(headers.get('request-id')) ?? text(inner?.['request-id']),
    text(headers.get('date')) ?? text(inner?.date),
    text(headers.get('retry-after')),
    repeated,
  );
}
