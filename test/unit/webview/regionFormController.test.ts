import * as assert from 'node:assert/strict';
import type { ConnectorGroupWithContents } from '../../../src/graph/types';
import type { ToWebview } from '../../../src/shared/regionFormMessages';
import { RegionFormController } from '../../../src/webview/regionFormController';
import { gatewayFor } from '../../support/gateway';
import { useSandbox } from '../../support/sandboxClient';

describe('region form: the extension re-checks every webview message', () => {
  const fx = useSandbox();

  /** A controller for one group of the sandbox, wired to the real gateway; counts Graph round trips. */
  async function formFor(name: string, confirmName?: (name: string, groupId: string) => Promise<boolean>) {
    const { api, trips } = gatewayFor(fx.client.url, fx.client.token);
    const groups = await api.loadGroupsWithContents();
    let group: ConnectorGroupWithContents = groups.find((g) => g.name === name)!;
    trips.length = 0;
    const posted: ToWebview[] = [];
    let closed = false;
    const controller = new RegionFormController({
      group: () => group,
      defaultRegion: () => groups.find((g) => g.isDefault)?.region,
      confirmName,
      update: async (g, changes) => {
        const updated = await api.updateGroup(g, changes);
        group = { ...g, ...updated };
        return updated;
      },
      post: (m) => posted.push(m),
      close: () => { closed = true; },
      describe: (e) => (e as Error).message,
      log: () => undefined,
    });
    return { controller, posted, trips, group: () => group, closed: () => closed };
  }

  it('answers ready with the group and the regions', async () => {
    const form = await formFor('EU Frankfurt');
    await form.controller.handle({ type: 'ready' });
    const [init] = form.posted;
    assert.equal(init.type, 'init');
    assert.deepEqual(init.type === 'init' && { ...init.group, id: undefined }, { id: undefined, name: 'EU Frankfurt', isDefault: false, region: 'eur', connectors: 3, applications: 3, unreachable: undefined });
    assert.deepEqual(init.type === 'init' && init.regions.map((r) => r.label), ['North America (tenant default)', 'Europe', 'Australia', 'Asia', 'India']);
  });

  it("says which of the group's applications have no active connector", async () => {
    const form = await formFor('Australia Sydney');
    await form.controller.handle({ type: 'ready' });
    const [init] = form.posted;
    assert.equal(init.type === 'init' && init.group.unreachable, "Field Service has no active connector in 'Australia Sydney'.");
  });

  it('saves a new region of an empty group with one PATCH', async () => {
    const form = await formFor('India Pune');
    await form.controller.handle({ type: 'save', groupId: form.group().id, name: 'India Pune', region: 'eur' });
    assert.deepEqual(form.posted.map((m) => m.type), ['saving', 'saved']);
    assert.equal(form.trips.length, 1);
    assert.equal((await fx.client.group('India Pune')).region, 'eur');
  });

  it('renames and sets the region together', async () => {
    const form = await formFor('India Pune');
    await form.controller.handle({ type: 'save', groupId: form.group().id, name: '  India South  ', region: 'asia' });
    const group = await fx.client.group('India South');
    assert.equal(group.region, 'asia');
  });

  it('sends nothing when nothing changed', async () => {
    const form = await formFor('Tokyo (legacy)');
    await form.controller.handle({ type: 'save', groupId: form.group().id, name: 'Tokyo (legacy)', region: 'japan' });
    // Not "saved": nothing was written.
    assert.deepEqual(form.posted.map((m) => m.type), ['unchanged']);
    assert.equal(form.trips.length, 0);
  });

  it('asks before saving a name another group has, and sends nothing when the answer is no', async () => {
    const asked: string[] = [];
    const form = await formFor('India Pune', async (name) => { asked.push(name); return false; });
    await form.controller.handle({ type: 'save', groupId: form.group().id, name: 'EU Frankfurt', region: 'ind' });
    assert.deepEqual(asked, ['EU Frankfurt']);
    const last = form.posted.at(-1)!;
    assert.equal(last.type === 'failed' && last.field, 'name');
    assert.equal(form.trips.length, 0);
    assert.equal((await fx.client.group('India Pune')).name, 'India Pune');
  });

  it('shows Graph\'s refusal inline and changes nothing else', async () => {
    const form = await formFor('India Pune');
    await fx.client.faults([{ method: 'PATCH', status: 503, retryAfterSeconds: 0, times: 10 }]);
    await form.controller.handle({ type: 'save', groupId: form.group().id, name: 'India Pune', region: 'eur' });
    const last = form.posted.at(-1)!;
    assert.equal(last.type, 'failed');
    assert.match(last.type === 'failed' ? last.message : '', /HTTP 503/);
    assert.equal((await fx.client.group('India Pune')).region, 'ind');
  });

  it('sends a double save once', async () => {
    const form = await formFor('India Pune');
    const save = { type: 'save', groupId: form.group().id, name: 'India Pune', region: 'aus' };
    await Promise.all([form.controller.handle(save), form.controller.handle({ ...save })]);
    assert.equal(form.trips.length, 1);
    assert.deepEqual(form.posted.map((m) => m.type), ['saving', 'saved']);
    assert.equal((await fx.client.group('India Pune')).region, 'aus');
  });

  it('closes on cancel', async () => {
    const form = await formFor('India Pune');
    await form.controller.handle({ type: 'cancel' });
    assert.ok(form.closed());
  });

  const hostile: [string, (groupId: string) => unknown, RegExp][] = [
    ['a message that is not an object', () => 'save', /not an object/],
    ['null', () => null, /not an object/],
    ['an array', () => [1, 2], /not an object/],
    ['an unknown type', () => ({ type: 'deleteEverything' }), /Unknown message type/],
    ['a name of the wrong type', (id) => ({ type: 'save', groupId: id, name: 42, region: 'eur' }), /must be text/],
    ['a region of the wrong type', (id) => ({ type: 'save', groupId: id, name: 'x', region: { value: 'eur' } }), /must be text/],
    ['an unknown region', (id) => ({ type: 'save', groupId: id, name: 'India Pune', region: 'mars' }), /Choose a region from the list/],
    ['unknownFutureValue', (id) => ({ type: 'save', groupId: id, name: 'India Pune', region: 'unknownFutureValue' }), /Choose a region/],
    ['a 10 MB name', (id) => ({ type: 'save', groupId: id, name: 'x'.repeat(10 * 1024 * 1024), region: 'eur' }), /far too long/],
    ['a 257-character name', (id) => ({ type: 'save', groupId: id, name: 'x'.repeat(257), region: 'ind' }), /at most 256/],
    ['an empty name', (id) => ({ type: 'save', groupId: id, name: '   ', region: 'ind' }), /needs a name/],
    ['script in the name', (id) => ({ type: 'save', groupId: id, name: '<script>alert(1)</script>', region: 'ind' }), /cannot contain < or >/],
    ['a control character in the name', (id) => ({ type: 'save', groupId: id, name: 'a\u0000b', region: 'ind' }), /control characters/],
    ['a malformed group id', () => ({ type: 'save', groupId: "x' or 1 eq 1", name: 'a', region: 'ind' }), /not a valid id/],
    ['another group\'s id', () => ({ type: 'save', groupId: '00000000-0000-4000-8000-000000000000', name: 'a', region: 'ind' }), /another connector group/],
    ['extra fields', (id) => ({ type: 'save', groupId: id, name: 'a', region: 'ind', isDefault: true }), /exactly groupId, name and region/],
    ['a prototype-polluting key', (id) => JSON.parse(`{"type":"save","groupId":"${id}","name":"a","region":"ind","__proto__":{"admin":true}}`), /exactly groupId, name and region/],
  ];
  for (const [why, message, expected] of hostile) {
    it(`refuses ${why} clearly, without a Graph call`, async () => {
      const form = await formFor('India Pune');
      await form.controller.handle(message(form.group().id));
      assert.equal(form.posted.length, 1);
      const [answer] = form.posted;
      assert.equal(answer.type, 'failed');
      assert.match(answer.type === 'failed' ? answer.message : '', expected);
      assert.equal(form.trips.length, 0);
      assert.equal((await fx.client.group('India Pune')).region, 'ind');
    });
  }

  it('refuses a region change of a group with connectors, explaining the way out, without a Graph call', async () => {
    const form = await formFor('EU Frankfurt');
    await form.controller.handle({ type: 'save', groupId: form.group().id, name: 'EU Frankfurt', region: 'aus' });
    const [answer] = form.posted;
    assert.equal(answer.type === 'failed' && answer.field, 'region');
    assert.match(answer.type === 'failed' ? answer.message : '', /move them to another group first/);
    assert.equal(form.trips.length, 0);
  });
});
