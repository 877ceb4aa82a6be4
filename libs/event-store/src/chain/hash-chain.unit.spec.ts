import { createHash } from 'node:crypto';
import { computeEventHash, GENESIS_HASH, type HashedEventFields } from './hash-chain';

const event: HashedEventFields = {
  eventId: '00000000-0000-4000-8000-000000000001',
  streamId: 'bundle-1',
  revision: 0,
  position: 1,
  type: 'BundleDrafted',
  data: { version: '1.0.0', rules: 2 },
  metadata: { actor: 'alice' },
  recordedAt: '2025-01-01T00:00:00.000Z',
};

describe('computeEventHash', () => {
  it('given the genesis hash and an event, then it is sha256(previousHash ‖ JCS(event)) in hex', () => {
    // The format is a public contract (offline verification): pin it with an independent computation.
    const canonical =
      '{"data":{"rules":2,"version":"1.0.0"},"eventId":"00000000-0000-4000-8000-000000000001",' +
      '"metadata":{"actor":"alice"},"position":1,"recordedAt":"2025-01-01T00:00:00.000Z",' +
      '"revision":0,"streamId":"bundle-1","type":"BundleDrafted"}';
    const expected = createHash('sha256').update(GENESIS_HASH + canonical, 'utf8').digest('hex');

    expect(computeEventHash(GENESIS_HASH, event)).toBe(expected);
  });

  it('given the same data with keys in another order, then the hash is the same', () => {
    const reordered = { ...event, data: { rules: 2, version: '1.0.0' }, metadata: { actor: 'alice' } };

    expect(computeEventHash(GENESIS_HASH, reordered)).toBe(computeEventHash(GENESIS_HASH, event));
  });

  it('given fields outside the hashed set, then they do not change the hash', () => {
    const withExtras = { ...event, hash: 'x', previousHash: 'y', exportedBy: 'cli' };

    expect(computeEventHash(GENESIS_HASH, withExtras)).toBe(computeEventHash(GENESIS_HASH, event));
  });

  it.each<[string, Partial<HashedEventFields>]>([
    ['eventId', { eventId: '00000000-0000-4000-8000-000000000002' }],
    ['streamId', { streamId: 'bundle-2' }],
    ['revision', { revision: 1 }],
    ['position', { position: 2 }],
    ['type', { type: 'BundleSubmitted' }],
    ['data', { data: { version: '1.0.1', rules: 2 } }],
    ['metadata', { metadata: { actor: 'mallory' } }],
    ['recordedAt', { recordedAt: '2025-01-01T00:00:00.001Z' }],
  ])('given a change of %s, then the hash changes', (_field, change) => {
    expect(computeEventHash(GENESIS_HASH, { ...event, ...change })).not.toBe(computeEventHash(GENESIS_HASH, event));
  });

  it('given another previous hash, then the hash changes', () => {
    expect(computeEventHash('f'.repeat(64), event)).not.toBe(computeEventHash(GENESIS_HASH, event));
  });
});
