// Reports every round trip (each retry is one) with its timing; never the request's headers.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { requestMethod, requestUrl } from './context';

export interface RoundTrip {
  method: string;
  url: string;
  /** 0 when no answer came. */
  status: number;
  ms: number;
  requestId?: string;
  /** The same for every attempt of one request, so retries can be told apart from new requests. */
  clientRequestId?: string;
  error?: string;
}

/** One log line: method, path, status, time and request id; never a header, so never a token. */
export function roundTripLine(tenantLabel: string, trip: RoundTrip): string {
  const url = new URL(trip.url);
  return `[${tenantLabel}] ${trip.method} ${readable(url.pathname + url.search)} → ${trip.status || 'no answer'} ${Math.round(trip.ms)} ms`
    + `${trip.requestId ? ` request-id ${trip.requestId}` : ''}${trip.error ? ` (${trip.error})` : ''}`;
}

/**
 * How loud a round trip is in the log: failures warn, every change (any method but GET) and every
 * refusal is Info, successful reads are Debug.
 */
export function roundTripLevel(trip: RoundTrip): 'debug' | 'info' | 'warn' {
  if (trip.status === 0 || trip.status >= 500) return 'warn';
  if (trip.status >= 400 || trip.method !== 'GET') return 'info';
  return 'debug';
}

/** Decoded for reading where it can be; a malformed escape stays as it came. */
function readable(pathAndQuery: string): string {
  try {
    return decodeURIComponent(pathAndQuery);
  } catch {
    return pathAndQuery;
  }
}

export class RoundTripMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly report: (trip: RoundTrip) => void) {}

  async execute(context: Context): Promise<void> {
    const started = performance.now();
    const method = requestMethod(context);
    const url = requestUrl(context);
    const clientRequestId = (context.options?.headers as Record<string, string> | undefined)?.['client-request-id'];
    try {
      await this.next?.execute(context);
      const response = context.response;
      this.report({
        method, url, status: response?.status ?? 0, ms: performance.now() - started,
        requestId: response?.headers.get('request-id') ?? undefined, clientRequestId,
      });
    } catch (error) {
      this.report({ method, url, status: 0, ms: performance.now() - started, clientRequestId, error: (error as Error).message });
      throw error;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
