import * as assert from 'node:assert/strict';
import { RequestCounter, draw } from '../../../src/sandbox/requestDraw';
import { GraphSandbox, type SandboxOptions } from '../../../src/sandbox/server';
import { P, SandboxClient } from '../../support/sandboxClient';

const SEED = 20261123;

/** Two sandboxes started alike, each with a client. */
function twins(options: SandboxOptions): { clients: SandboxClient[] } {
  const fixture = { clients: [] as SandboxClient[], sandboxes: [] as GraphSandbox[] };
  before(async () => {
    fixture.sandboxes = await Promise.all([GraphSandbox.start(options), GraphSandbox.start(options)]);
    fixture.clients = fixture.sandboxes.map((s) => new SandboxClient(s.url, s.token));
  });
  after(async () => Promise.all(fixture.sandboxes.map((s) => s.close())));
  return fixture;
}

interface Sent { method: string; path: string; body?: unknown }

/** Statuses per distinct request, sorted, so that repeats of one request compare as a whole. */
async function send(client: SandboxClient, requests: Sent[], together: boolean): Promise<Map<string, number[]>> {
  const call = async (r: Sent) => [`${r.method} ${r.path} ${JSON.stringify(r.body)}`, (await client.call(r.method, r.path, { body: r.body })).status] as const;
  const answers: (readonly [string, number])[] = [];
  if (together) answers.push(...await Promise.all(requests.map(call)));
  else for (const r of requests) answers.push(await call(r));
  const byRequest = new Map<string, number[]>();
  for (const [key, status] of answers) byRequest.set(key, [...(byRequest.get(key) ?? []), status].sort());
  return byRequest;
}

describe('sandbox: rate-based faults and read lag are the same for one seed, whatever the order of arrival', () => {
  describe('faults', () => {
    const fx = twins({ faultSeed: SEED, faults: [{ status: 503, rate: 0.5 }] });

    it('hits the same requests when the same requests arrive in another order, side by side', async () => {
      const requests: Sent[] = [
        ...Array.from({ length: 12 }, (_, i) => ({ method: 'GET', path: `${P}/connectorGroups?$top=${i + 1}` })),
        ...Array.from({ length: 6 }, () => ({ method: 'GET', path: '/beta/organization' })),
        ...Array.from({ length: 8 }, (_, i) => ({ method: 'GET', path: `${P}/connectors?$top=${i + 1}&$count=true` })),
        // Same path, other bodies: the body is part of the request. A 503 before the change makes nothing.
        ...Array.from({ length: 8 }, (_, i) => ({ method: 'POST', path: `${P}/connectorGroups`, body: { name: `Seeded ${i}` } })),
      ];
      const inOrder = await send(fx.clients[0], requests, false);
      const reversedTogether = await send(fx.clients[1], [...requests].reverse(), true);
      assert.deepEqual(reversedTogether, inOrder);
      const statuses = [...inOrder.values()].flat();
      assert.ok(statuses.includes(503) && statuses.some((s) => s < 300), `a mix of hits and misses: ${statuses.join(' ')}`);
    });

    it('draws the nth repeat of a request anew, so repeats are not all hit or all spared', async () => {
      const repeats = await send(fx.clients[0], Array.from({ length: 20 }, () => ({ method: 'GET', path: `${P}/connectorGroups?$select=name` })), false);
      const statuses = [...repeats.values()][0];
      assert.ok(statuses.includes(503) && statuses.includes(200), statuses.join(' '));
    });
  });

  describe('read lag', () => {
    const LAG_MS = 2000;
    const WAIT_MS = 1000;
    const fx = twins({ readLagSeed: SEED, readLagMs: LAG_MS });

    it('shows the same reads the old state in two sandboxes with one seed', async function () {
      this.timeout(20_000);
      const id = (await fx.clients[0].group('India Pune')).id;
      assert.equal((await fx.clients[1].group('India Pune')).id, id, 'the demo tenant is the same in both');
      const target = (x: number) => `${P}/connectorGroups/${id}?$select=name&x=${x}`;
      // Reads whose draw looks back clearly less, or clearly more, than the time since the write:
      // the outcome does not hang on a few milliseconds of scheduling.
      const lookBack = (x: number) => draw(SEED, 'read lag', new RequestCounter().arrive({ method: 'GET', target: target(x), body: '' })) * LAG_MS;
      const candidates = Array.from({ length: 200 }, (_, x) => x);
      const recent = candidates.filter((x) => lookBack(x) < WAIT_MS * 0.6).slice(0, 8);
      const old = candidates.filter((x) => lookBack(x) > WAIT_MS * 1.5).slice(0, 8);
      const reads = [...recent, ...old];
      for (const client of fx.clients) {
        assert.equal((await client.call('PATCH', `${P}/connectorGroups/${id}`, { body: { name: 'Pune renamed' } })).status, 204);
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
      const seen = async (client: SandboxClient, order: number[], together: boolean) => {
        const read = async (x: number) => [x, (await client.call('GET', target(x))).body.name] as const;
        const answers = together ? await Promise.all(order.map(read)) : await (async () => {
          const list: (readonly [number, string])[] = [];
          for (const x of order) list.push(await read(x));
          return list;
        })();
        return new Map(answers);
      };
      const first = await seen(fx.clients[0], reads, false);
      const second = await seen(fx.clients[1], [...reads].reverse(), true);
      assert.deepEqual(second, first);
      assert.deepEqual(reads.map((x) => first.get(x)), [...recent.map(() => 'Pune renamed'), ...old.map(() => 'India Pune')]);
    });
  });
});
