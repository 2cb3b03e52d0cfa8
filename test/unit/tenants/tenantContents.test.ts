import * as assert from 'node:assert/strict';
import type { ConnectorGroupWithContents } from '../../../src/graph/types';
import { DeadlineError } from '../../../src/tenants/deadline';
import type { Tenant } from '../../../src/tenants/tenant';
import { TenantContents } from '../../../src/tenants/tenantContents';

/** A tenant whose group list answers when the test says so. */
function tenantAnswering(groups: () => Promise<ConnectorGroupWithContents[]>): Tenant {
  return {
    key: 't', kind: 'sandbox', displayName: 'T', tenantId: 't', account: 'a', portalOrigin: 'https://entra.microsoft.com',
    api: { listGroups: groups, loadGroupsWithContents: groups, loadContents: async () => [] } as unknown as Tenant['api'],
    canWrite: () => true, dispose: () => undefined,
  };
}

describe('tenant contents: one deadline for a whole load', () => {
  it('gives up a load that outlives the deadline, with the setting named', async () => {
    const contents = new TenantContents(tenantAnswering(() => new Promise(() => undefined)), () => 50);
    const started = Date.now();
    await contents.load();
    assert.ok(Date.now() - started < 1000);
    assert.equal(contents.state.kind, 'failed');
    const error = (contents.state as { error: unknown }).error;
    assert.ok(error instanceof DeadlineError);
    assert.match(error.message, /did not answer within 0 s \(the connectorGroups\.requestTimeoutSeconds setting\)/);
  });

  it('keeps the last good groups when a refresh outlives it', async () => {
    let answer: () => Promise<ConnectorGroupWithContents[]> = async () => [];
    const contents = new TenantContents(tenantAnswering(() => answer()), () => 50);
    await contents.load();
    assert.equal(contents.state.kind, 'loaded');
    answer = () => new Promise(() => undefined);
    await contents.refresh();
    assert.equal(contents.state.kind, 'loaded');
    assert.ok((contents.state as { staleError?: unknown }).staleError instanceof DeadlineError);
  });
});
