// Starts the Graph sandbox (the built dist/sandbox.js) as a child process and reads its URL and token.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKeys, spawnGroup, stopGroup } from './processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function startSandbox({ port = 0, quiet = true } = {}) {
  const child = spawnGroup(process.execPath, [path.join(root, 'dist/sandbox.js'), '--port', String(port), ...(quiet ? ['--quiet'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const values = await readKeys(child, ['GRAPH_SANDBOX_URL', 'GRAPH_SANDBOX_TOKEN']);
  return {
    url: values.GRAPH_SANDBOX_URL,
    token: values.GRAPH_SANDBOX_TOKEN,
    stop: () => stopGroup(child),
  };
}
