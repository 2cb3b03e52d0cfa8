import * as assert from 'node:assert/strict';
import { oneLineLog } from '../../../src/logging/oneLineLog';

describe('the log: each message one line', () => {
  it("writes a name's line breaks and invisible characters out, and leaves the rest of the channel as it is", () => {
    const written: unknown[][] = [];
    const channel = {
      logLevel: 2,
      info: (...args: unknown[]) => written.push(['info', ...args]),
      error: (...args: unknown[]) => written.push(['error', ...args]),
      show(this: { logLevel: number }) { return this.logLevel; },
    };
    const log = oneLineLog(channel);
    log.info("Renamed 'EU\n[error] token=abc' to 'X\u202e'");
    const failure = new Error('kept as it is');
    log.error(failure, 'detail');
    assert.deepEqual(written, [
      ['info', "Renamed 'EU[U+000A][error] token=abc' to 'X[U+202E]'"],
      ['error', failure, 'detail'],
    ]);
    assert.equal(log.logLevel, 2);
    assert.equal(log.show(), 2);
  });
});
