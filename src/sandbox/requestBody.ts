// A request's body as text, drained to the end even when over the limit, so the answer (a 413, not a
// reset connection) reaches a client still sending.
import type { IncomingMessage } from 'node:http';

/** The body text, or undefined when it was longer than `maxBytes`. */
export function readBounded(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
  });
}
