// The tenants' history stays bounded: the oldest snapshots go first when there are too many or they
// take too much room, a snapshot too large is not taken (and said), and tenants do not share one.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HistoryStore } from '../../../src/layoutLoop/historyStore';

describe('tenant history: bounded snapshots', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'history-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const about = (n: number) => ({ before: 'Apply Plan', layoutFile: `run${n}.connectorgroups.json`, groups: n });

  it('keeps the newest snapshots within the number and the bytes allowed, and removes the files of the rest', async () => {
    const warned: string[] = [];
    const store = new HistoryStore(dir, (m) => warned.push(m), { snapshots: 3, bytes: 250, snapshotBytes: 200 });
    const taken = [];
    for (let n = 1; n <= 5; n++) {
      taken.push(store.save('t', 'x'.repeat(60), about(n))!);
      // Distinct timestamps: two snapshots in one millisecond would share a file name.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    assert.deepEqual(store.list('t').map((s) => s.groups), [5, 4, 3]);
    assert.deepEqual(taken.map((s) => existsSync(s.file)), [false, false, true, true, true]);
    store.save('t', 'y'.repeat(150), about(6));
    assert.deepEqual(store.list('t').map((s) => s.groups), [6, 5], 'bytes bound the history too: 150 + 60 fit in 250, a third does not');
    assert.equal(store.save('t', 'z'.repeat(201), about(7)), undefined);
    assert.match(warned[0], /larger than a history snapshot may be; none was taken before Apply Plan/);
    assert.deepEqual(store.list('other'), []);
    store.remove('t');
    assert.deepEqual(store.list('t'), []);
  });
});
