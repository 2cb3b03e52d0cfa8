// The https listener of the sandbox's identity platform (MSAL accepts only https authorities), on
// loopback with a certificate made at start.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IdentityPlatform } from './identityPlatform';
import { selfSignedCertificate } from './selfSignedCertificate';

const MAX_FORM_BYTES = 64 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export class IdentityServer {
  private constructor(private readonly server: Server, readonly origin: string, readonly certificate: string) {}

  static async start(platform: IdentityPlatform, port = 0): Promise<IdentityServer> {
    const { cert, key } = selfSignedCertificate();
    const server = createServer({ cert, key }, (req, res) => void answer(platform, req, res).catch(() => req.socket.destroy()));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
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

async function answer(platform: IdentityPlatform, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', platform.origin);
  const method = (req.method ?? 'GET').toUpperCase();
  let result;
  try {
    const form = method === 'POST' ? await readForm(req) : url.searchParams;
    result = platform.handle(method, url.pathname, form);
  } catch {
    result = { status: 413, body: { error: 'invalid_request', error_description: 'The request body is too large.' } };
    res.setHeader('Connection', 'close');
  }
  res.statusCode = result.status;
  res.setHeader('Cache-Control', 'no-store');
  if (result.contentType) {
    res.setHeader('Content-Type', result.contentType);
    res.end(String(result.body));
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(result.body));
}
