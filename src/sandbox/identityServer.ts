// The https listener of the sandbox's identity platform (MSAL accepts only https authorities), on
// loopback with a certificate made at start: its own fault rules, and the Graph side's limits on
// slow clients, large bodies and malformed request targets.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectionDropped, runUnderFault, type FaultInjector } from './faults';
import { SandboxError } from './graphError';
import { identityFaultAnswer } from './identityFaults';
import { aadstsAnswer, refusals, type IdentityAnswer } from './identityErrors';
import type { IdentityPlatform } from './identityPlatform';
import { selfSignedCertificate } from './selfSignedCertificate';
import { readBounded } from './requestBody';

const MAX_FORM_BYTES = 64 * 1024;

export interface IdentityServerOptions {
  port?: number;
  /** Rules for the identity side (see faults.ts; `html` answers a proxy's page). */
  faults: FaultInjector;
  /** A client gets this long to send its headers, and this long for the whole request. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/** Reads the body; one over the limit is drained and answered 413 (a reset would leave the client guessing). */
function readText(req: IncomingMessage): Promise<string | undefined> {
  return readBounded(req, MAX_FORM_BYTES);
}

/** A path as RFC 3986 allows it (pchar and slashes), with well-formed %-escapes only. */
const ORIGIN_FORM_PATH = /^(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)+$/;

/**
 * The request target as a URL, or undefined for one the service's front door would answer 400:
 * neither a path (`/…`) nor an absolute URL, or a path with characters a path cannot have (`//[`).
 */
function parseTarget(raw: string, origin: string): URL | undefined {
  try {
    const url = raw.startsWith('/') ? new URL(`${origin}${raw}`) : new URL(raw);
    const path = raw.startsWith('/') ? raw.split('?')[0] : url.pathname;
    return ORIGIN_FORM_PATH.test(path) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The endpoints read forms; a body of another type is read as none, so its parameters are missing, as the service finds. */
const isForm = (type: string | undefined) => /^\s*application\/x-www-form-urlencoded\s*(;|$)/i.test(type ?? '');

export class IdentityServer {
  private constructor(private readonly server: Server, readonly origin: string, readonly certificate: string) {}

  static async start(platform: IdentityPlatform, options: IdentityServerOptions): Promise<IdentityServer> {
    const { cert, key } = selfSignedCertificate();
    const server = createServer({
      cert,
      key,
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs ?? 1000),
    }, (req, res) => void answer(platform, options.faults, req, res).catch(() => req.socket.destroy()));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    platform.origin = origin;
    return new IdentityServer(server, origin, cert);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

async function answer(platform: IdentityPlatform, faults: FaultInjector, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = parseTarget(req.url ?? '/', platform.origin);
  if (!url) return send(req, res, aadstsAnswer(refusals.malformedUrl()));
  const text = await readText(req);
  if (text === undefined) return send(req, res, aadstsAnswer(refusals.bodyTooLarge(MAX_FORM_BYTES), { Connection: 'close' }));
  const form = method === 'POST' ? new URLSearchParams(isForm(req.headers['content-type']) ? text : '') : url.searchParams;
  const rule = faults.pick({ method, path: url.pathname, target: url.pathname + url.search, body: text });
  let result: IdentityAnswer;
  try {
    result = await runUnderFault(rule, () => platform.handle(method, url.pathname, form));
  } catch (error) {
    if (error instanceof ConnectionDropped) return void req.socket.destroy();
    // The only Graph-shaped error here is a rule's status: the identity side says it in its own way.
    if (!(rule && error instanceof SandboxError)) throw error;
    result = identityFaultAnswer(rule);
  }
  send(req, res, result);
}

function send(req: IncomingMessage, res: ServerResponse, result: IdentityAnswer): void {
  if (res.destroyed || req.socket.destroyed) return;
  res.statusCode = result.status;
  res.setHeader('Cache-Control', 'no-store, no-cache');
  res.setHeader('Pragma', 'no-cache');
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  // An unread body would be taken for the next request.
  if (!req.complete) res.setHeader('Connection', 'close');
  if (result.contentType) {
    res.setHeader('Content-Type', result.contentType);
    res.end(String(result.body));
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(result.body));
}
