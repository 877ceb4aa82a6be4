import { createRequire } from 'node:module';
import fc from 'fast-check';
import { decodeRecordSet } from './kafka-record-batches';

// kafkajs's own encoder and decoder: what the fast path must equal, record for record
const load = createRequire(__filename);
const { RecordBatch } = load('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: (b: Record<string, unknown>) => Promise<{ buffer: Buffer }> };
const Record = load('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (r: Record<string, unknown>) => unknown;
const Decoder = load('kafkajs/src/protocol/decoder.js') as new (b: Buffer) => unknown;
const kafkajsDecode = load('kafkajs/src/protocol/requests/fetch/v4/decodeMessages.js') as (d: unknown) => Promise<unknown[]>;
const Long = load('kafkajs/src/utils/long.js') as { fromValue: (v: number | string) => unknown };
const { Types } = load('kafkajs/src/protocol/message/compression/index.js') as { Types: { GZIP: number } };

interface TestRecord { key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer | Buffer[]>; timestampDelta: number }

const batch = async (firstOffset: number, records: readonly TestRecord[], extra: Record<string, unknown> = {}): Promise<Buffer> =>
  (await RecordBatch({
    firstOffset: Long.fromValue(firstOffset), firstTimestamp: 1_764_600_000_000, maxTimestamp: 1_764_600_000_900,
    lastOffsetDelta: records.length - 1, producerId: Long.fromValue(4711), producerEpoch: 2, firstSequence: firstOffset % 2 ** 31,
    records: records.map((r, i) => Record({ offsetDelta: i, ...r })), ...extra,
  })).buffer;

const byKafkajs = (set: Buffer): Promise<unknown[]> => {
  const sized = Buffer.alloc(4 + set.length);
  sized.writeInt32BE(set.length, 0);
  set.copy(sized, 4);
  return kafkajsDecode(new Decoder(sized));
};

const record = (n: number, headers: TestRecord['headers'] = { ce_id: Buffer.from(`id-${n}`), ce_type: Buffer.from('io.edict.x') }): TestRecord =>
  ({ key: Buffer.from(`k-${n}`), value: Buffer.from(JSON.stringify({ n })), headers, timestampDelta: n * 3 });

describe('decodeRecordSet (the decisions consumer\'s record decoder)', () => {
  it('decodes several batches exactly as kafkajs does', async () => {
    const set = Buffer.concat([await batch(0, [record(0), record(1)]), await batch(2, [record(2), record(3), record(4)])]);
    const fast = decodeRecordSet(set);
    expect(fast).toHaveLength(5);
    expect(fast).toStrictEqual(await byKafkajs(set));
    expect(fast?.[4]).toMatchObject({ offset: '4', timestamp: String(1_764_600_000_000 + 12), key: Buffer.from('k-4') });
  });

  it('keeps repeated headers as arrays, empty and null keys and values, as kafkajs does', async () => {
    const odd: TestRecord = { key: null, value: null, headers: { twice: [Buffer.from('a'), Buffer.from('b')], empty: Buffer.alloc(0) }, timestampDelta: -5 };
    const set = await batch(10, [odd, record(11, {})]);
    expect(decodeRecordSet(set)).toStrictEqual(await byKafkajs(set));
    expect(decodeRecordSet(set)?.[0]?.headers).toStrictEqual({ twice: [Buffer.from('a'), Buffer.from('b')], empty: Buffer.alloc(0) });
  });

  it('stops at a batch cut off by the fetch size, as kafkajs does', async () => {
    const whole = await batch(0, [record(0)]);
    const set = Buffer.concat([whole, (await batch(1, [record(1), record(2)])).subarray(0, 60)]);
    expect(decodeRecordSet(set)).toStrictEqual(await byKafkajs(set));
    expect(decodeRecordSet(set)).toHaveLength(1);
  });

  it('takes a log-append-time batch\'s timestamp from the batch, as kafkajs does', async () => {
    const set = await batch(0, [record(0), record(1)]);
    set.writeInt16BE(set.readInt16BE(21) | 0x8, 21); // the timestamp-type attribute bit
    expect(decodeRecordSet(set)).toStrictEqual(await byKafkajs(set));
    expect(decodeRecordSet(set)?.[1]?.timestamp).toBe(String(1_764_600_000_900));
  });

  it('leaves compressed batches, a header named __proto__ and the legacy message set to kafkajs', async () => {
    expect(decodeRecordSet(await batch(0, [record(0)], { compression: Types.GZIP }))).toBeUndefined();
    expect(decodeRecordSet(await batch(0, [record(0, { ['__proto__']: Buffer.from('x') })]))).toBeUndefined();
    const legacy = await batch(0, [record(0)]);
    legacy.writeInt8(1, 16);
    expect(decodeRecordSet(legacy)).toBeUndefined();
  });

  it('equals kafkajs on any records', async () => {
    const bytes = fc.option(fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)), { nil: null });
    const anyRecord = fc.record({
      key: bytes, value: bytes, timestampDelta: fc.integer({ min: -1e6, max: 1e9 }),
      headers: fc.dictionary(fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__'), fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a)), { maxKeys: 6 }),
    });
    await fc.assert(fc.asyncProperty(fc.array(anyRecord, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 2 ** 40 }), async (records, first) => {
      const set = await batch(first, records);
      expect(decodeRecordSet(set)).toStrictEqual(await byKafkajs(set));
    }), { numRuns: 200 });
  });
});
