// Loads dist/identity.js (see identityChunk.ts) the first time a device-code or Azure CLI tenant
// needs a token; nothing of @azure/identity runs before that.
import * as path from 'node:path';
import type * as IdentityChunk from './identityChunk';

let chunk: typeof IdentityChunk | undefined;

export function identity(): typeof IdentityChunk {
  // A computed path, so the bundler leaves the file to be loaded at run time (a CommonJS require,
  // as the extension host loads the extension itself).
  const file = path.join(__dirname, 'identity.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  chunk ??= require(file) as typeof IdentityChunk;
  return chunk;
}
