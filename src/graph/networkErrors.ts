// What went wrong on the wire, in words, from the errors Node's fetch throws.

/** Words for what went wrong on the wire; the raw code is kept in brackets for support. */
const NETWORK_WORDS: Record<string, string> = {
  UND_ERR_SOCKET: 'the connection was closed before an answer came',
  ECONNRESET: 'the connection was reset',
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name could not be found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
};

/** The system or undici code of a failed fetch (`fetch failed` keeps it in `cause`, sometimes inside an AggregateError). */
export function networkCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown; errors?: { code?: unknown }[] } } | undefined;
  const code = e?.cause?.code ?? e?.cause?.errors?.find((inner) => typeof inner?.code === 'string')?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function networkReason(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'the request timed out';
  const code = networkCode(error);
  if (code && NETWORK_WORDS[code]) return `${NETWORK_WORDS[code]} (${code})`;
  return code ? `the connection failed (${code})` : e?.cause?.message ?? e?.message ?? 'the connection failed';
}
