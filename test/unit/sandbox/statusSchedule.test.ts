import * as assert from 'node:assert/strict';
import { P, useSandbox } from '../../support/sandboxClient';

/** Reads the connector through Graph until it has the status, or gives up after two seconds. */
async function until(read: () => Promise<string>, status: string): Promise<number> {
  const start = Date.now();
  for (;;) {
    if ((await read()) === status) return Date.now() - start;
    if (Date.now() - start > 2000) assert.fail(`never ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

describe('sandbox: connector status schedule', () => {
  const fx = useSandbox();

  async function fra02(): Promise<{ id: string; read: () => Promise<string> }> {
    const all = (await fx.client.call('GET', `${P}/connectors`)).body.value as { id: string; machineName: string }[];
    const { id } = all.find((c) => c.machineName === 'FRA-APPPROXY-02.contoso.com')!;
    return { id, read: async () => (await fx.client.call('GET', `${P}/connectors/${id}`)).body.status };
  }

  it('stops and starts a connector named by its short machine name at the times given, as Graph then lists it', async () => {
    const connector = await fra02();
    const put = await fx.client.call('PUT', '/_sandbox/status-schedule', {
      body: [
        { afterSeconds: 0.3, connector: 'fra-appproxy-02', status: 'inactive' },
        { afterSeconds: 0.6, connector: connector.id, status: 'active' },
      ],
    });
    assert.equal(put.status, 200);
    assert.equal(await connector.read(), 'active', 'nothing changes before the first step');
    await until(connector.read, 'inactive');
    const filtered = await fx.client.call('GET', `${P}/connectors?$filter=status eq 'inactive'`);
    assert.ok(filtered.body.value.some((c: { id: string }) => c.id === connector.id), 'a filter on status sees it too');
    await until(connector.read, 'active');
    const listed = (await fx.client.call('GET', '/_sandbox/status-schedule')).body;
    assert.deepEqual(listed.steps.map((s: { status: string; applied: number; missed: number }) => [s.status, s.applied, s.missed]), [['inactive', 1, 0], ['active', 1, 0]]);
  });

  it('goes round again with repeatEverySeconds, and stops on DELETE', async () => {
    const connector = await fra02();
    await fx.client.call('PUT', '/_sandbox/status-schedule', {
      body: { steps: [{ afterSeconds: 0.05, connector: 'FRA-APPPROXY-02', status: 'inactive' }, { afterSeconds: 0.1, connector: 'FRA-APPPROXY-02', status: 'active' }], repeatEverySeconds: 0.2 },
    });
    for (let round = 0; round < 2; round++) {
      await until(connector.read, 'inactive');
      await until(connector.read, 'active');
    }
    assert.ok((await fx.client.call('GET', '/_sandbox/status-schedule')).body.steps.every((s: { applied: number }) => s.applied >= 2));
    assert.equal((await fx.client.call('DELETE', '/_sandbox/status-schedule')).status, 204);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(await connector.read(), 'active');
    assert.deepEqual((await fx.client.call('GET', '/_sandbox/status-schedule')).body, { steps: [] });
  });

  it('refuses a schedule with an unknown connector, a status Graph does not have, or a repeat before the last step, and keeps the one it has', async () => {
    await fx.client.call('PUT', '/_sandbox/status-schedule', { body: [{ afterSeconds: 60, connector: 'FRA-APPPROXY-01', status: 'inactive' }] });
    const refused = async (body: unknown, message: RegExp) => {
      const answer = await fx.client.call('PUT', '/_sandbox/status-schedule', { body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(answer.body.error.message, message);
    };
    await refused([{ afterSeconds: 1, connector: 'NOPE-01', status: 'inactive' }], /connectors the tenant does not have: 'NOPE-01'/);
    await refused([{ afterSeconds: 1, connector: 'FRA-APPPROXY-01', status: 'offline' }], /Step 1: status must be 'active' or 'inactive'/);
    await refused([{ afterSeconds: -1, connector: 'FRA-APPPROXY-01', status: 'active' }], /Step 1: afterSeconds must be a number of seconds/);
    await refused({ steps: [{ afterSeconds: 5, connector: 'FRA-APPPROXY-01', status: 'active' }], repeatEverySeconds: 5 }, /must be more than the last step's afterSeconds \(5\)/);
    await refused({ value: [] }, /list of steps/);
    await refused({ steps: [], repeatEverySeconds: 0.001 }, /repeatEverySeconds must be a number of seconds from 0.1/);
    // Two machines of one short name: the schedule must say which.
    const other = [...fx.sandbox.store.tenant.connectors.values()].find((c) => c.machineName.startsWith('NYC-APPPROXY-01'))!;
    other.machineName = 'FRA-APPPROXY-01.fabrikam.com';
    await refused([{ afterSeconds: 1, connector: 'FRA-APPPROXY-01', status: 'active' }], /several machines share: 'FRA-APPPROXY-01'; give the full machine name or the id/);
    const kept = (await fx.client.call('GET', '/_sandbox/status-schedule')).body.steps;
    assert.deepEqual(kept.map((s: { connector: string; afterSeconds: number }) => [s.connector, s.afterSeconds]), [['FRA-APPPROXY-01', 60]]);
    assert.equal((await fx.client.call('PUT', '/_sandbox/status-schedule', { body: [], token: null })).status, 401);
  });

  it('forgets the schedule when the tenant is reset', async () => {
    await fx.client.call('PUT', '/_sandbox/status-schedule', { body: [{ afterSeconds: 60, connector: 'FRA-APPPROXY-01', status: 'inactive' }] });
    await fx.client.reset();
    assert.deepEqual((await fx.client.call('GET', '/_sandbox/status-schedule')).body, { steps: [] });
  });
});
