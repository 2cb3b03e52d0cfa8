// Big strings to and from the plan worker go in pieces and come back whole: a string cut inside a
// character made of two UTF-16 units, a list of JSON slices, and small fields left in the message.
import * as assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { PIECE, sendAhead, WireStore } from '../../../src/layout/workerWire';

describe('worker wire: big fields in pieces', () => {
  it('sends big fields ahead in pieces of bounded size and puts them back whole on the other side', async () => {
    // An emoji (two UTF-16 units) straddles the first cut.
    const text = `${'a'.repeat(PIECE - 1)}😀${'b'.repeat(PIECE * 2)}`;
    const slices = Array.from({ length: 5 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(40_000) }));
    const request = { kind: 'preview', text, groups: slices, tenant: { id: 't' }, small: 'inline' };
    const { port1, port2 } = new MessageChannel();
    try {
      const store = new WireStore();
      const received = new Promise<unknown>((resolve) => {
        port2.on('message', (message: unknown) => {
          if (!store.take(message)) resolve(store.restore((message as { request: unknown }).request));
        });
      });
      const posted: unknown[] = [];
      let refs = 0;
      const sent = await sendAhead(request, (m) => { posted.push(m); port1.postMessage(m); }, () => refs++, async () => undefined);
      port1.postMessage({ request: sent });
      assert.deepEqual(await received, request);
      assert.equal(sent.small, 'inline');
      assert.equal(sent.tenant, request.tenant);
      const pieces = posted.map((m) => (m as { piece: string }).piece);
      assert.equal(pieces.length, 4 + 5, 'four pieces of the text (three and a bit), one a slice');
      assert.ok(pieces.every((p) => p.length <= PIECE));
    } finally {
      port1.close();
      port2.close();
    }
  });

  it('sends a big answer (a string on its own) the same way', async () => {
    const store = new WireStore();
    const text = 'z'.repeat(PIECE + 10);
    let refs = 0;
    const messages: unknown[] = [];
    const sent = await sendAhead(text, (m) => messages.push(m), () => refs++, async () => undefined);
    for (const m of messages) assert.ok(store.take(m));
    assert.equal(store.restore(sent), text);
    assert.equal(await sendAhead('short', () => assert.fail('nothing is sent ahead'), () => refs++, async () => undefined), 'short');
  });
});
