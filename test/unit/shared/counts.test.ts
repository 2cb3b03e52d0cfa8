import * as assert from 'node:assert/strict';
import { appCount, applicationCount, connectorCount } from '../../../src/shared/counts';

describe('counts in words', () => {
  it('says one in the singular and every other number in the plural', () => {
    assert.deepEqual([0, 1, 2].map(connectorCount), ['0 connectors', '1 connector', '2 connectors']);
    assert.deepEqual([0, 1, 5].map(applicationCount), ['0 applications', '1 application', '5 applications']);
    assert.deepEqual([1, 12].map(appCount), ['1 app', '12 apps']);
  });
});
