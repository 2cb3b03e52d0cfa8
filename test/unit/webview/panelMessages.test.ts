import * as assert from 'node:assert/strict';
import { parseInventoryMessage } from '../../../src/inventory/inventoryMessages';
import { parseTimelineMessage } from '../../../src/watch/timelineMessages';

const GROUP = '6d8a6f3e-1c2b-4a5d-9e8f-0a1b2c3d4e5f';

describe('inventory and timeline panels: messages from the webview are checked whole', () => {
  const accepted: [string, unknown][] = [
    ['inventory ready', { type: 'ready' }],
    ['inventory refresh', { type: 'refresh' }],
    ['inventory export csv', { type: 'export', format: 'csv' }],
    ['inventory export json', { type: 'export', format: 'json' }],
    ['inventory show group', { type: 'showGroup', groupId: GROUP }],
  ];
  for (const [name, message] of accepted) {
    it(`accepts ${name}`, () => assert.deepEqual(parseInventoryMessage(message), { ok: true, message }));
  }

  const refused: [string, unknown, RegExp][] = [
    ['null', null, /not an object/],
    ['an array', [{ type: 'ready' }], /not an object/],
    ['an unknown type', { type: 'delete' }, /Unknown message type 'delete'/],
    ['an extra field', { type: 'ready', html: '<b>' }, /Unexpected fields/],
    ['an export of another format', { type: 'export', format: 'xlsx' }, /csv or json/],
    ['an export with a path', { type: 'export', format: 'csv', path: '/etc/passwd' }, /csv or json/],
    ['a group id that is not a GUID', { type: 'showGroup', groupId: '../../x' }, /valid group id/],
  ];
  for (const [name, message, error] of refused) {
    it(`refuses ${name} in the inventory`, () => {
      const parsed = parseInventoryMessage(message);
      assert.equal(parsed.ok, false);
      assert.match((parsed as { error: string }).error, error);
    });
  }

  it('accepts the timeline\'s two messages and refuses anything else', () => {
    assert.deepEqual(parseTimelineMessage({ type: 'ready' }), { ok: true, message: { type: 'ready' } });
    assert.deepEqual(parseTimelineMessage({ type: 'exportCsv' }), { ok: true, message: { type: 'exportCsv' } });
    for (const message of [undefined, 'ready', { type: 'exportCsv', rows: [] }, { type: 'export', format: 'csv' }, {}]) {
      assert.equal(parseTimelineMessage(message).ok, false, JSON.stringify(message));
    }
  });
});
