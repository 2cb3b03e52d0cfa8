// The tenant's concurrency: grows while answers come, halves on throttling, never passes the ceiling,
// and lets an abandoned request go at once.
import * as assert from 'node:assert/strict';
import { Limiter } from '../../../src/graph/limiter';
import { gatewayFor } from '../../support/gateway';
import { useSandbox } from '../../support/sandboxClient';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('limiter: requests in flight find the service pace', () => {
  it('grows by one after a limit of answers, up to the ceiling and no further', () => {
    const limiter = new Limiter(6, 4);
    for (let i = 0; i < 4; i++) limiter.succeeded();
    assert.equal(limiter.limit, 5);
    for (let i = 0; i < 100; i++) limiter.succeeded();
    assert.equal(limiter.limit, 6);
    assert.deepEqual(limiter.reached, { low: 4, high: 6, halvings: 0 });
  });

  it('halves on a 429, once per burst, never below one', () => {
    const limiter = new Limiter(16, 8);
    limiter.throttled(10_000);
    limiter.throttled(10_100);
    assert.equal(limiter.limit, 4, 'a burst of 429s halves once');
    limiter.throttled(12_000);
    limiter.throttled(14_000);
    limiter.throttled(16_000);
    assert.equal(limiter.limit, 1);
    assert.equal(limiter.reached.low, 1);
    assert.equal(limiter.reached.halvings, 4);
  });

  it('keeps no more than the limit running, and a lowered limit holds the queue', async () => {
    const limiter = new Limiter(4, 2);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const task = () => limiter.run(() => new Promise<void>((resolve) => {
      running++;
      most = Math.max(most, running);
      releases.push(() => { running--; resolve(); });
    }));
    const all = Array.from({ length: 6 }, task);
    await tick();
    assert.equal(running, 2);
    limiter.throttled();
    releases.shift()!();
    await tick();
    assert.equal(running, 1, 'after halving to 1, the freed slot is not refilled');
    while (releases.length) {
      releases.shift()!();
      await tick();
    }
    await Promise.all(all);
    assert.equal(most, 2);
  });

  it('lets a queued request leave when it is abandoned, and frees a running one at once', async () => {
    const limiter = new Limiter(1, 1);
    const controller = new AbortController();
    const running = limiter.run(() => new Promise(() => undefined), false, controller.signal);
    const queued = limiter.run(async () => 'ran', false);
    controller.abort(new Error('gone'));
    await assert.rejects(running, /gone/);
    assert.equal(await queued, 'ran', 'the slot passed on without waiting for the abandoned work');
  });
});

describe('limiter: a tenant under throttling comes down', function () {
  this.timeout(60_000);
  const fx = useSandbox();

  it('halves its requests in flight when Graph answers 429, and grows again after', async () => {
    await fx.client.reset({ groups: 200, connectors: 200, applications: 200 });
    await fx.client.faults([{ path: '/$batch', status: 429, retryAfterSeconds: 0, times: 3, skip: 4 }]);
    const { api, http } = gatewayFor(fx.client.url, fx.client.token, { retryDelaySeconds: 0, maxConcurrency: 8, startConcurrency: 8 });
    const groups = await api.loadGroupsWithContents();
    assert.equal(groups.length, 200);
    assert.ok(http.concurrency.reached.low <= 4, `came down to ${http.concurrency.reached.low}`);
    assert.ok(http.concurrency.limit > http.concurrency.reached.low, `grew again to ${http.concurrency.limit}`);
  });
});
