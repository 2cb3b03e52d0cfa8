// Starts the Graph sandbox (the built dist/sandbox.js) as a child process and reads its URL and token,
// with its identity platform on https; `env` is what a process needs to use both (the certificate
// is trusted through NODE_EXTRA_CA_CERTS, which a process reads when it starts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKeys, spawnGroup, stopGroup } from './processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function startSandbox({ port = 0, quiet = true, certFile, env = {}, extraArgs = [] } = {}) {
  const args = [path.join(root, 'dist/sandbox.js'), '--port', String(port), ...(quiet ? ['--quiet'] : []), ...(certFile ? ['--cert-out', certFile] : []), ...extraArgs];
  const child = spawnGroup(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const values = await readKeys(child, ['GRAPH_SANDBOX_URL', 'GRAPH_SANDBOX_TOKEN', ...(certFile ? ['GRAPH_SANDBOX_AUTHORITY', 'GRAPH_SANDBOX_CLIENT_ID'] : [])]);
  return {
    url: values.GRAPH_SANDBOX_URL,
    token: values.GRAPH_SANDBOX_TOKEN,
    authority: values.GRAPH_SANDBOX_AUTHORITY,
    /** The app registration its identity platform knows. */
    clientId: values.GRAPH_SANDBOX_CLIENT_ID,
    env: {
      CONNECTOR_GROUPS_SANDBOX_URL: values.GRAPH_SANDBOX_URL,
      CONNECTOR_GROUPS_SANDBOX_TOKEN: values.GRAPH_SANDBOX_TOKEN,
      ...(certFile ? { CONNECTOR_GROUPS_SANDBOX_AUTHORITY: values.GRAPH_SANDBOX_AUTHORITY, NODE_EXTRA_CA_CERTS: certFile } : {}),
    },
    stop: () => stopGroup(child),
  };
}
