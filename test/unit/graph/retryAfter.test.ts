// Retry-After as Graph sends it (seconds, an HTTP date, nothing, absurd values), and what one 429
// does to the tenant's other requests.
import * as assert from 'node:assert/strict';
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds, retryWait, type RetryWait } from '../../../src/graph/retryAfter';
import { gatewayFor, withServer } from '../../support/gateway';

const GROUPS = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const NOW = Date.parse('2026-12-02T10:00:00Z');

describe('Retry-After: read as Graph means it, and bounded', () => {
  const cases: [string | null, number | undefined][] = [
    [null, undefined],
    ['', undefined],
    ['7', 7],
    [' 2 ', 2],
    ['0', 0],
    ['1.5', 1.5],
    ['Wed, 02 Dec 2026 10:00:30 GMT', 30],
    ['Wed, 02 Dec 2026 09:59:00 GMT', 0],
    ['-5', undefined],
    ['soon', undefined],
    ['1e9', undefined],
  ];
  for (const [header, seconds] of cases) {
    it(`reads ${JSON.stringify(header)} as ${seconds ?? 'nothing'}`, () => {
      assert.equal(retryAfterSeconds(header, NOW), seconds);
    });
  }

  it('backs off without a Retry-After, and caps a wait of a day at the longest one honoured', () => {
    assert.deepEqual(retryWait(null, 2, NOW), { seconds: 2, capped: false });
    assert.deepEqual(retryWait('86400', 2, NOW), { seconds: MAX_RETRY_AFTER_SECONDS, askedSeconds: 86400, capped: true });
    assert.deepEqual(retryWait('1e9', 2, NOW), { seconds: 2, capped: false });
    assert.deepEqual(retryWait(String(MAX_RETRY_AFTER_SECONDS), 2, NOW), { seconds: MAX_RETRY_AFTER_SECONDS, askedSeconds: MAX_RETRY_AFTER_SECONDS, capped: false });
  });
});

/**
 * A server whose first answer to the groups list is a 429 with `retryAfter` as its header, and that
 * notes when each request arrives.
 */
function throttlingOnce(retryAfter: string | undefined, arrivals: { path: string; at: number }[]) {
  let throttled = false;
  return (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    arrivals.push({ path: req.url ?? '', at: Date.now() });
    res.setHeader('Content-Type', 'application/json');
    if (!throttled && req.url?.includes('connectorGroups?')) {
      throttled = true;
      res.statusCode = 429;
      if (retryAfter !== undefined) res.setHeader('Retry-After', retryAfter);
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests.' } }));
      return;
    }
    res.end(JSON.stringify({ value: [] }));
  };
}

describe("Retry-After: one 429 holds the tenant's other requests", function () {
  this.timeout(20_000);

  async function secondRequestWaited(retryAfter: string | undefined, retryDelaySeconds: number): Promise<number> {
    const arrivals: { path: string; at: number }[] = [];
    let waited = 0;
    await withServer(throttlingOnce(retryAfter, arrivals), async (origin) => {
      const { api, http } = gatewayFor(origin, 't', { retryDelaySeconds });
      const first = api.listGroups();
      // Once the 429 is in, a second request of the same tenant starts.
      while (arrivals.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      await http.get('/organization');
      waited = arrivals.find((a) => a.path.startsWith('/beta/organization'))!.at - started;
      await first;
    });
    return waited;
  }

  it('waits a default back-off when the 429 names no Retry-After (not 0 s)', async () => {
    assert.ok(await secondRequestWaited(undefined, 1) >= 800, 'the other request waited the back-off');
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const inTwoSeconds = new Date(Date.now() + 2500).toUTCString();
    assert.ok(await secondRequestWaited(inTwoSeconds, 0) >= 1000, 'the other request waited for the date');
  });

  it('caps a Retry-After of a day, says so, and a cancel ends the wait at once', async () => {
    const waits: RetryWait[] = [];
    await withServer((_req, res) => {
      res.statusCode = 429;
      res.setHeader('Retry-After', '86400');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests.' } }));
    }, async (origin) => {
      const { http } = gatewayFor(origin, 't', { onWait: (wait) => waits.push(wait) });
      const controller = new AbortController();
      const reading = http.get(GROUPS, { signal: controller.signal });
      while (waits.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const cancelled = Date.now();
      controller.abort(new Error('cancelled'));
      await assert.rejects(reading, /cancelled/);
      assert.ok(Date.now() - cancelled < 1000, 'the cancel ended the wait');
    });
    assert.deepEqual(waits[0], { seconds: MAX_RETRY_AFTER_SECONDS, askedSeconds: 86400, capped: true });
  });
});
