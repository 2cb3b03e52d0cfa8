// What the runbooks remember of the items they moved: per tenant, the first home kept on a second
// drain, a fail over starting afresh, and the records the first release wrote still read.
import * as assert from 'node:assert/strict';
import { MovedItems } from '../../../src/runbooks/movedItems';
import type { KeyValueStore } from '../../../src/tenants/savedTenants';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function store(initial: Record<string, unknown> = {}): KeyValueStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: <T>(key: string) => data[key] as T, update: async (key: string, value: unknown) => { data[key] = value; } } as KeyValueStore & { data: Record<string, unknown> };
}

describe('moved items', () => {
  it('keeps the first home of an item drained twice, and each tenant apart', async () => {
    const records = new MovedItems(store(), 'k');
    await records.add('t1', [{ itemId: id(1), homeId: id(10), movedTo: id(20) }]);
    await records.add('t1', [{ itemId: id(1), homeId: id(20), movedTo: id(30) }]);
    await records.add('t2', [{ itemId: id(2), homeId: id(11), movedTo: id(21) }]);
    assert.deepEqual(records.of('t1'), [{ itemId: id(1), homeId: id(10), movedTo: id(30) }]);
    assert.deepEqual(records.of('t2').map((r) => r.itemId), [id(2)]);
  });

  it('replaces the record of an item failed over again (its home is where it is now)', async () => {
    const records = new MovedItems(store(), 'k');
    await records.put('t', [{ itemId: id(1), homeId: id(10), movedTo: id(20) }, { itemId: id(2), homeId: id(10), movedTo: id(20) }]);
    await records.put('t', [{ itemId: id(1).toUpperCase(), homeId: id(30), movedTo: id(40) }]);
    assert.deepEqual(records.of('t'), [{ itemId: id(2), homeId: id(10), movedTo: id(20) }, { itemId: id(1).toUpperCase(), homeId: id(30), movedTo: id(40) }]);
  });

  it('reads the drains the first release wrote, and drops what is not a record', () => {
    const records = new MovedItems(store({ k: { t: [{ connectorId: id(1), homeId: id(10), drainedTo: id(20) }, { itemId: 'x', homeId: id(1), movedTo: id(2) }, null] } }), 'k');
    assert.deepEqual(records.of('t'), [{ itemId: id(1), homeId: id(10), movedTo: id(20) }]);
  });

  it('forgets a tenant once its list is empty', async () => {
    const kept = store();
    const records = new MovedItems(kept, 'k');
    await records.add('t', [{ itemId: id(1), homeId: id(10), movedTo: id(20) }]);
    await records.set('t', []);
    assert.deepEqual(kept.data.k, {});
  });
});
