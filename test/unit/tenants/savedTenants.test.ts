import * as assert from 'node:assert/strict';
import { STORE_KEY, SavedTenantStore, parseSavedTenant, savedTenantKey, type KeyValueStore } from '../../../src/tenants/savedTenants';

function memory(initial?: unknown): KeyValueStore & { value: unknown } {
  const store = {
    value: initial,
    get: <T>() => store.value as T,
    update: async (_key: string, value: unknown) => { store.value = JSON.parse(JSON.stringify(value)); },
  };
  return store;
}

describe('saved tenants', () => {
  it('round-trips tenants through the store, one entry a key, a tenant added again keeping its place', async () => {
    const backing = memory();
    const store = new SavedTenantStore(backing);
    await store.save({ tenant: 'contoso.onmicrosoft.com', cloud: 'global', wayIn: 'vscode' });
    await store.save({ tenant: 'organizations', cloud: 'custom', graphOrigin: 'http://127.0.0.1:8940', wayIn: 'vscode', readOnly: true });
    await store.save({ tenant: 'contoso.onmicrosoft.com', cloud: 'global', wayIn: 'vscode', displayName: 'Contoso', tenantId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' });
    const again = new SavedTenantStore(memory(backing.value));
    assert.deepEqual(again.list(), [
      { tenant: 'contoso.onmicrosoft.com', cloud: 'global', wayIn: 'vscode', displayName: 'Contoso', tenantId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' },
      { tenant: 'organizations', cloud: 'custom', graphOrigin: 'http://127.0.0.1:8940', wayIn: 'vscode', readOnly: true },
    ]);
    assert.equal(again.indexOf('custom:http://127.0.0.1:8940/organizations'), 1);
    assert.equal(again.indexOf('global/nowhere.example'), -1);
    assert.equal(await again.remove('global/contoso.onmicrosoft.com'), true);
    assert.equal(await again.remove('global/contoso.onmicrosoft.com'), false);
    assert.equal(again.list().length, 1);
  });

  it('keys a tenant by its cloud (and endpoint) and the tenant as entered', () => {
    assert.equal(savedTenantKey({ tenant: 'Contoso.com', cloud: 'china', wayIn: 'vscode' }), 'china/contoso.com');
    assert.equal(savedTenantKey({ tenant: 'organizations', cloud: 'custom', graphOrigin: 'http://127.0.0.1:8940/', wayIn: 'vscode' }), 'custom:http://127.0.0.1:8940/organizations');
  });

  it('drops stored entries that are not what the extension wrote', () => {
    const bad = [
      null, 'x', {}, { tenant: 'a b', cloud: 'global', wayIn: 'vscode' }, { tenant: 'contoso.com', cloud: 'mars', wayIn: 'vscode' },
      { tenant: 'contoso.com', cloud: 'custom', graphOrigin: 'http://203.0.113.5', wayIn: 'vscode' },
      { tenant: 'contoso.com', cloud: 'custom', graphOrigin: 'https://user:pw@graph.example', wayIn: 'vscode' },
      { tenant: 'contoso.com', cloud: 'global', wayIn: 'password' },
    ];
    assert.deepEqual(bad.map(parseSavedTenant), bad.map(() => undefined));
    assert.deepEqual(new SavedTenantStore(memory({ not: 'a list' })).list(), []);
    assert.deepEqual(parseSavedTenant({ tenant: 'contoso.com', cloud: 'global', wayIn: 'vscode', displayName: 'x'.repeat(300), tenantId: 'nope', extra: 1 }),
      { tenant: 'contoso.com', cloud: 'global', wayIn: 'vscode' }, 'unknown or oversized fields are left out');
    assert.equal(STORE_KEY, 'connectorGroups.tenants');
  });
});

describe('saved tenants: what a tenant learns', () => {
  it('lays what a tenant learned over its entry, and never brings back a removed one', async () => {
    const store = new SavedTenantStore(memory());
    await store.save({ tenant: 'organizations', cloud: 'global', wayIn: 'vscode', readOnly: true });
    await store.learn({ tenant: 'organizations', cloud: 'global', wayIn: 'vscode', displayName: 'Contoso' });
    assert.deepEqual(store.list(), [{ tenant: 'organizations', cloud: 'global', wayIn: 'vscode', readOnly: true, displayName: 'Contoso' }]);
    await store.remove(savedTenantKey({ tenant: 'organizations', cloud: 'global', wayIn: 'vscode' }));
    await store.learn({ tenant: 'organizations', cloud: 'global', wayIn: 'vscode', displayName: 'Contoso' });
    assert.deepEqual(store.list(), []);
  });

  it("keeps a removed tenant removed when the store briefly hands back an older value, as VS Code's echo of an earlier write does", async () => {
    const backing = memory();
    const store = new SavedTenantStore(backing);
    const first = { tenant: 'organizations', cloud: 'custom' as const, graphOrigin: 'http://127.0.0.1:1', wayIn: 'vscode' as const };
    const twin = { ...first, tenant: 'b146616f-1a88-45fd-925d-2019e13edeaa' };
    await store.save(first);
    await store.save(twin);
    const older = backing.value;
    await store.remove(savedTenantKey(twin));
    // The echo of the earlier write arrives after the removal: the store shows both again for a moment.
    backing.value = older;
    await store.learn({ ...first, displayName: 'Contoso (scale)' });
    await store.learn({ ...twin, account: { id: 'a', label: 'admin@fabrikam.example' } });
    assert.deepEqual(store.list(), [{ ...first, displayName: 'Contoso (scale)' }]);
    assert.deepEqual(backing.value, [{ ...first, displayName: 'Contoso (scale)' }], 'nor is it written back');
    // Added again on purpose, it is kept.
    await store.save(twin);
    assert.deepEqual(store.list().map(savedTenantKey), [savedTenantKey(first), savedTenantKey(twin)]);
  });

  it('sees a tenant another window added again once the removal here is long past', async () => {
    const backing = memory();
    const store = new SavedTenantStore(backing, 20);
    const entry = { tenant: 'contoso.onmicrosoft.com', cloud: 'global' as const, wayIn: 'vscode' as const };
    await store.save(entry);
    await store.remove(savedTenantKey(entry));
    await new Promise((resolve) => setTimeout(resolve, 40));
    // Another window's Add Tenant reaches this one through the store.
    backing.value = [entry];
    assert.deepEqual(store.list(), [entry]);
    await store.learn({ ...entry, displayName: 'Contoso' });
    assert.deepEqual(backing.value, [{ ...entry, displayName: 'Contoso' }], 'and a change here keeps it');
  });

  it('keeps the account a tenant was signed in with, and drops a malformed one', () => {
    const saved = parseSavedTenant({ tenant: 'organizations', cloud: 'global', wayIn: 'vscode', account: { id: 'x', label: 'admin@contoso.com' } });
    assert.deepEqual(saved?.account, { id: 'x', label: 'admin@contoso.com' });
    assert.equal(parseSavedTenant({ tenant: 'organizations', cloud: 'global', wayIn: 'vscode', account: { id: 3 } })?.account, undefined);
  });
});
