// A person's Cancel reaches every request of their action, wherever it waits, and the failure says
// what may have happened: a create cancelled while Graph was busy before it went out was not made;
// one cancelled on its way may have been.
import * as assert from 'node:assert/strict';
import { GraphCancelledError, mayHaveTakenEffect } from '../../../src/graph/errors';
import { WorkCancelled, withWork, type RetryNote } from '../../../src/graph/workContext';
import { gatewayFor } from '../../support/gateway';
import { useSandbox } from '../../support/sandboxClient';

describe('the action a request is sent for: its Cancel and its retries', () => {
  const fx = useSandbox();

  it('says each retry to the action, and a cancel during the wait stops the read with nothing more sent', async () => {
    await fx.client.faults([{ method: 'GET', path: '*/connectorGroups', status: 503, retryAfterSeconds: 30 }]);
    const { api, trips } = gatewayFor(fx.client.url, fx.client.token);
    const controller = new AbortController();
    const notes: RetryNote[] = [];
    const error = await withWork({ signal: controller.signal, onRetry: (note) => { notes.push(note); controller.abort(new WorkCancelled()); } },
      () => api.listGroups()).then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphCancelledError, String(error));
    assert.equal(mayHaveTakenEffect(error), false, 'a read changes nothing');
    assert.deepEqual(notes, [{ attempt: 1, of: 5, status: 503 }]);
    assert.equal(trips.length, 1, 'the retry after the 30 s wait was never sent');
  });

  it('says a create cancelled while Graph was busy may have been made: a 503 may have done it', async () => {
    await fx.client.faults([{ method: 'POST', path: '*/connectorGroups', status: 503, retryAfterSeconds: 30 }]);
    const { api } = gatewayFor(fx.client.url, fx.client.token);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new WorkCancelled()), 300);
    const error = await withWork({ signal: controller.signal }, () => api.createGroup({ name: 'Cancelled Create' })).then(() => undefined, (e) => e);
    // A POST is not repeated after a 503 (it may have worked): the 503 itself comes back, uncertain.
    assert.ok(mayHaveTakenEffect(error), String(error));
  });

  it('says a write cancelled on its way may have been made: it reached the service', async () => {
    await fx.client.faults([{ method: 'POST', path: '*/connectorGroups', latencyMs: 1500, times: 1 }]);
    const { api, trips } = gatewayFor(fx.client.url, fx.client.token);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new WorkCancelled()), 300);
    const error = await withWork({ signal: controller.signal }, () => api.createGroup({ name: 'In Flight' })).then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphCancelledError, String(error));
    assert.equal(mayHaveTakenEffect(error), true, 'sent, so it may have been made: the create must be read back, not sent again');
    assert.match(error.message, /may or may not have been made/);
    assert.equal(trips.filter((t) => t.method === 'POST').length, 1);
  });

  it('never sends a request cancelled while it waits in the queue, and says it was not made', async () => {
    const { api, trips } = gatewayFor(fx.client.url, fx.client.token, { maxConcurrency: 1, startConcurrency: 1 });
    await fx.client.faults([{ method: 'GET', path: '*/connectorGroups', latencyMs: 500, times: 1 }]);
    const first = api.listGroups();
    const controller = new AbortController();
    const queued = withWork({ signal: controller.signal }, () => api.createGroup({ name: 'Never Sent' })).then(() => undefined, (e) => e);
    controller.abort(new WorkCancelled());
    const error = await queued;
    await first;
    assert.ok(error instanceof GraphCancelledError, String(error));
    assert.equal(mayHaveTakenEffect(error), false);
    assert.match(error.message, /^Cancelled before Microsoft Graph answered\.$/);
    assert.ok(!trips.some((t) => t.method === 'POST'), 'the create never went out');
    assert.ok(!(await fx.client.state()).groups.some((g) => g.name === 'Never Sent'));
  });
});
