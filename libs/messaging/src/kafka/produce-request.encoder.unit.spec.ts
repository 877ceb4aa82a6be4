import { createRequire } from 'node:module';
import fc from 'fast-check';
import { crc32c } from './crc32c';
import { encodeProduceRequest, type ProduceArgs, type ProduceMessage } from './produce-request.encoder';

const load = createRequire(__filename);
type V3Request = (args: ProduceArgs) => { encode: () => Promise<{ buffer: Buffer }> };
const kafkajsV3 = load('kafkajs/src/protocol/requests/produce/v3/request.js') as V3Request;
const kafkajsCrc = load('kafkajs/src/protocol/recordBatch/crc32C/index.js') as (b: Buffer) => number;
const Long = load('kafkajs/src/utils/long.js') as { fromValue: (v: number | string) => unknown };

const NOW = 1_764_600_000_123;
async function kafkajsBytes(args: ProduceArgs): Promise<Buffer> {
  const spy = jest.spyOn(Date, 'now').mockReturnValue(NOW);
  try {
    return (await kafkajsV3(args).encode()).buffer;
  } finally {
    spy.mockRestore();
  }
}

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const bytes = fc.oneof(text, fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)), fc.constant(null), fc.constant(undefined));
const header = fc.oneof(text, fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a)));
const message: fc.Arbitrary<ProduceMessage> = fc.record({ key: bytes, value: fc.oneof(bytes, fc.string({ minLength: 200, maxLength: 3000 })), headers: fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), header, { maxKeys: 8 }), { nil: undefined }) });
const args: fc.Arbitrary<ProduceArgs> = fc.record({
  acks: fc.constantFrom(-1, 0, 1),
  timeout: fc.integer({ min: 0, max: 60_000 }),
  transactionalId: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
  producerId: fc.oneof(fc.constant(Long.fromValue(-1)), fc.bigInt({ min: 0n, max: 2n ** 40n }).map((v) => Long.fromValue(String(v)))),
  producerEpoch: fc.integer({ min: 0, max: 32_000 }),
  compression: fc.constant(0),
  topicData: fc.array(
    fc.record({
      topic: fc.string({ minLength: 1, maxLength: 30 }),
      partitions: fc.array(fc.record({ partition: fc.nat(64), firstSequence: fc.option(fc.nat(1_000_000), { nil: undefined }), messages: fc.array(message, { minLength: 1, maxLength: 150 }) }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

describe('encodeProduceRequest', () => {
  it('writes the bytes kafkajs 2.2.4 writes for Produce v3, for any plain messages, headers, keys, producer ids and sequences', async () => {
    await fc.assert(
      fc.asyncProperty(args, async (a) => {
        const ours = encodeProduceRequest(a, NOW, crc32c);
        expect(ours).toBeDefined();
        expect(ours!.equals(await kafkajsBytes(a))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a decision-sized batch of 500 records, the PDP\'s case, comes out the same', async () => {
    const messages = Array.from({ length: 500 }, (_, i) => ({
      key: `d8f1c3a0-1111-4222-8333-${String(i).padStart(12, '0')}`,
      value: JSON.stringify({ decisionId: i, request: { agent: 'a', context: { note: 'é✓'.repeat(i % 7) } } }),
      headers: { 'content-type': 'application/json', ce_id: String(i), ce_type: 'io.edict.decision.logged.v1', ce_specversion: '1.0' },
    }));
    const a: ProduceArgs = { acks: -1, timeout: 30_000, producerId: Long.fromValue(4711), producerEpoch: 3, topicData: [{ topic: 'edict.decisions.v1', partitions: [{ partition: 2, firstSequence: 1500, messages }] }] };
    expect(encodeProduceRequest(a, NOW, crc32c)!.equals(await kafkajsBytes(a))).toBe(true);
  });

  it('leaves to kafkajs what it does not cover: compression, message timestamps, header arrays or nulls, other value types', () => {
    const base = (m: ProduceMessage, compression = 0): ProduceArgs => ({ acks: -1, timeout: 1000, compression, topicData: [{ topic: 't', partitions: [{ partition: 0, messages: [m] }] }] });
    expect(encodeProduceRequest(base({ key: 'k', value: 'v' }, 1), NOW, crc32c)).toBeUndefined();
    expect(encodeProduceRequest(base({ key: 'k', value: 'v', timestamp: '1700000000000' }), NOW, crc32c)).toBeUndefined();
    expect(encodeProduceRequest(base({ key: 'k', value: 'v', headers: { a: ['1', '2'] } }), NOW, crc32c)).toBeUndefined();
    expect(encodeProduceRequest(base({ key: 'k', value: 'v', headers: { a: null } }), NOW, crc32c)).toBeUndefined();
    expect(encodeProduceRequest(base({ key: 'k', value: 42 }), NOW, crc32c)).toBeUndefined();
    expect(encodeProduceRequest(base({ key: 'k', value: 'v' }), NOW, crc32c)).toBeDefined();
  });
});

describe('crc32c', () => {
  it('equals kafkajs\'s CRC-32C on any bytes, including lengths that are not a multiple of 8', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (a) => expect(crc32c(Buffer.from(a))).toBe(kafkajsCrc(Buffer.from(a)))));
  });

  it('gives the check value of the CRC-32C catalogue for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });
});
