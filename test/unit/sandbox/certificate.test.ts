import * as assert from 'node:assert/strict';
import { derInteger } from '../../../src/sandbox/selfSignedCertificate';

describe('the sandbox certificate: DER integers', () => {
  it('encodes every integer in its shortest form, positive, whatever its first bytes', () => {
    // A random serial starting with zero bytes used to be written with them: "illegal padding".
    assert.deepEqual([...derInteger(Buffer.from([0x00, 0x00, 0x12, 0x34]))], [0x02, 0x02, 0x12, 0x34]);
    assert.deepEqual([...derInteger(Buffer.from([0x00, 0x85]))], [0x02, 0x02, 0x00, 0x85]);
    assert.deepEqual([...derInteger(Buffer.from([0x85, 0x01]))], [0x02, 0x03, 0x00, 0x85, 0x01]);
    assert.deepEqual([...derInteger(Buffer.from([0x00, 0x00]))], [0x02, 0x01, 0x00]);
    assert.deepEqual([...derInteger(Buffer.from([0x02]))], [0x02, 0x01, 0x02]);
  });
});
