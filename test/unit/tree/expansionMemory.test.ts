import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { jsonFileStore } from '../../../src/shared/jsonFileStore';
import { ExpansionMemory } from '../../../src/tree/expansionMemory';

/** globalState / workspaceState as a Map, written as VS Code writes it (a copy, not the live object). */
function memento(initial?: unknown) {
  const values = new Map<string, unknown>(initial === undefined ? [] : [['connectorGroups.expansion', initial]]);
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: async (key: string, value: unknown) => { values.set(key, JSON.parse(JSON.stringify(value))); },
  };
}

// vscode.TreeItemCollapsibleState's values.
const COLLAPSED = 1;
const EXPANDED = 2;

describe('expansion memory', () => {
  it('gives the default for a row never touched, and what the person left it as after a reload', () => {
    const store = memento();
    const memory = new ExpansionMemory(store);
    assert.equal(memory.state('tenant:a', EXPANDED), EXPANDED);
    assert.equal(memory.state('tenant:a/group:g', COLLAPSED), COLLAPSED);
    memory.set('tenant:a', false);
    memory.set('tenant:a/group:g', true);
    const reloaded = new ExpansionMemory(store);
    assert.equal(reloaded.state('tenant:a', EXPANDED), COLLAPSED);
    assert.equal(reloaded.state('tenant:a/group:g', COLLAPSED), EXPANDED);
    assert.equal(reloaded.state('tenant:b', EXPANDED), EXPANDED);
  });

  it('forgets the rows changed longest ago past its bound', () => {
    const store = memento();
    const memory = new ExpansionMemory(store);
    for (let i = 0; i < 2005; i++) memory.set(`row ${i}`, true);
    memory.set('row 3', true); // changed again: now among the newest
    const reloaded = new ExpansionMemory(store);
    assert.equal(reloaded.state('row 0', COLLAPSED), COLLAPSED, 'the oldest is forgotten');
    assert.equal(reloaded.state('row 3', COLLAPSED), EXPANDED);
    assert.equal(reloaded.state('row 2004', COLLAPSED), EXPANDED);
    assert.equal((store.get<unknown[]>('connectorGroups.expansion') ?? []).length, 2000);
  });

  it('ignores a stored value of another shape', () => {
    for (const stored of ['x', { a: true }, [['ok', 'yes'], [1, true], ['tenant:a', false]]]) {
      const memory = new ExpansionMemory(memento(stored));
      assert.equal(memory.state('ok', EXPANDED), EXPANDED);
    }
    assert.equal(new ExpansionMemory(memento([['tenant:a', false]])).state('tenant:a', EXPANDED), COLLAPSED);
  });
});

describe('expansion memory in its file', () => {
  it('is on disk as soon as a row changes, and a file that is not JSON starts it empty', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'expansion-'));
    try {
      const file = path.join(dir, 'nested', 'expansion.json');
      new ExpansionMemory(jsonFileStore(file, () => undefined)).set('tenant:a', false);
      // A new window: nothing is shared but the file.
      assert.equal(new ExpansionMemory(jsonFileStore(file, () => undefined)).state('tenant:a', EXPANDED), COLLAPSED);
      writeFileSync(file, '{ not json');
      assert.equal(new ExpansionMemory(jsonFileStore(file, () => undefined)).state('tenant:a', EXPANDED), EXPANDED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
