// Bytes written to a server as they are, for requests no HTTP client would send: whatever came
// back before the server closed the connection.
import type { Socket } from 'node:net';

export function rawExchange(open: () => Socket, bytes: string, { endAfterMs = 0 } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = open();
    let answer = '';
    socket.on('data', (chunk: Buffer) => { answer += chunk.toString('utf8'); });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(bytes);
    if (endAfterMs > 0) setTimeout(() => socket.end(), endAfterMs);
  });
}
