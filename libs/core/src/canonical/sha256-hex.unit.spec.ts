import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from './canonical-json';

const reference = (input: string | Uint8Array): string => createHash('sha256').update(input).digest('hex');

describe('sha256Hex', () => {
  it('gives the digest a createHash object gives, for any string (lone surrogates and NUL included) and any bytes', () => {
    const input = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 300 }));
    fc.assert(fc.property(input, (value) => expect(sha256Hex(value)).toBe(reference(value))), { numRuns: 3000 });
  });

  it('gives the known digest of "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
