// The layers of src/, each importing only from those below it: the Graph layer and the layout engine
// run without VS Code (in the sandbox, the unit tests and the benchmarks), and no command or view
// is reached from the code it drives.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../../src');

/** Lower layers first; a module may import from its own layer and any before it. */
const LAYERS: string[][] = [
  ['shared'],
  ['graph'],
  // chunks.ts loads the identity library and the sandbox bundled apart; settings.ts reads the settings.
  ['logging', 'auth', 'sandbox', 'chunks.ts', 'settings.ts'],
  ['tenants'],
  ['operations', 'layout', 'health', 'runbooks', 'watch'],
  ['ui', 'tree', 'inventory'],
  ['webview'],
  ['commands'],
  ['layoutLoop'],
  ['services.ts', 'registerCommands.ts', 'extension.ts'],
];
/** Code that runs outside the extension host too. */
const WITHOUT_VSCODE = ['shared', 'graph', 'sandbox', 'operations', 'layout', 'health', 'runbooks', 'watch', 'inventory', 'chunks.ts'];
/** The one interface every command and view is handed: a type anyone may name. */
const SHARED_TYPES = 'services.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The top-level folder (or root file) a path of src/ belongs to. */
const unit = (file: string) => path.relative(SRC, file).split(path.sep)[0];
const layerOf = (name: string) => LAYERS.findIndex((layer) => layer.includes(name));

interface Import { from: string; to: string; typeOnly: boolean }

function imports(): Import[] {
  return files(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/^import (type )?[^;]*?from '([^']+)';/gms)].map((m) => {
      const spec = m[2];
      const to = spec.startsWith('.') ? unit(path.resolve(path.dirname(file), spec) + '.ts') : spec;
      return { from: path.relative(SRC, file), to, typeOnly: Boolean(m[1]) };
    });
  });
}

describe('architecture: the layers of src/', () => {
  const all = imports();

  it('places every folder and root file of src/ in a layer', () => {
    const units = new Set(files(SRC).map(unit));
    assert.deepEqual([...units].filter((u) => layerOf(u) < 0), []);
    assert.ok(all.length > 300, `the imports were read (${all.length})`);
  });

  it('imports only from the same layer or one below', () => {
    const upward = all.filter((i) => {
      const from = layerOf(unit(path.join(SRC, i.from)));
      const to = layerOf(i.to);
      if (to < 0 || i.to === unit(path.join(SRC, i.from))) return false;
      if (i.to === SHARED_TYPES && i.typeOnly) return false;
      return to > from;
    });
    assert.deepEqual(upward.map((i) => `${i.from} → ${i.to}`), []);
  });

  it('keeps VS Code out of the Graph layer, the sandbox and the layout engine', () => {
    const found = all.filter((i) => i.to === 'vscode' && !i.typeOnly && WITHOUT_VSCODE.includes(unit(path.join(SRC, i.from))));
    assert.deepEqual(found.map((i) => i.from), []);
  });
});
