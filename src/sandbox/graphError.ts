// Graph's error answers, as the sandbox raises and serialises them.

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    /** Graph's `error.code`; the App Proxy backend sometimes sends an empty one. */
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new SandboxError(400, 'Request_BadRequest', message);
export const notFound = (message: string) => new SandboxError(404, 'Request_ResourceNotFound', message);
export const segmentNotFound = (segment: string) =>
  badRequest(`Resource not found for the segment '${segment}'.`);

/** Anything thrown while answering becomes a Graph error; an unexpected one is a 500. */
export function asSandboxError(error: unknown): SandboxError {
  return error instanceof SandboxError
    ? error
    : new SandboxError(500, 'InternalServerError', `The sandbox failed: ${(error as Error).message}`);
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
  date: Date;
}

export function errorBody(error: SandboxError, ids: RequestIds): object {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        // Graph's innerError date carries no zone designator.
        date: ids.date.toISOString().slice(0, 19),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}
