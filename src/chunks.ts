// Parts of the extension bundled apart and loaded on first use, so activation does not carry them:
// the identity library (dist/identity.js) and the in-process Graph sandbox (dist/sandboxServer.js).
import * as path from 'node:path';
import type * as IdentityChunk from './auth/identityChunk';
import type * as SandboxChunk from './sandbox/server';

const loaded = new Map<string, unknown>();

function load<T>(file: string): T {
  if (!loaded.has(file)) {
    // A computed path, so the bundler leaves the file to be loaded at run time (a CommonJS require,
    // as the extension host loads the extension itself).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded.set(file, require(path.join(__dirname, file)));
  }
  return loaded.get(file) as T;
}

export const identity = () => load<typeof IdentityChunk>('identity.js');
export const sandboxServer = () => load<typeof SandboxChunk>('sandboxServer.js');
