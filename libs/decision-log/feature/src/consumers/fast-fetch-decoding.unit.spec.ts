import { createRequire } from 'node:module';
import { useFastFetchDecoding } from './fast-fetch-decoding';

const load = createRequire(__filename);
interface Encoder { buffer: Buffer; writeInt16(v: number): Encoder; writeInt32(v: number): Encoder; writeInt64(v: number): Encoder; writeString(v: string): Encoder; writeBuffer(v: Buffer): Encoder }
const Encoder = load('kafkajs/src/protocol/encoder.js') as new () => Encoder;
const { RecordBatch } = load('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: (b: Record<string, unknown>) => Promise<{ buffer: Buffer }> };
const Record = load('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (r: Record<string, unknown>) => unknown;
const Long = load('kafkajs/src/utils/long.js') as { fromValue: (v: number) => unknown };
const kafkajsV11 = load('kafkajs/src/protocol/requests/fetch/v11/response.js') as { decode: (b: Buffer) => Promise<unknown> };
type Protocol = (v: { version: number }) => (args: Record<string, unknown>) => { response: { decode: (b: Buffer) => Promise<unknown> } };
const fetch = load('kafkajs/src/protocol/requests/fetch/index.js') as { protocol: Protocol };

/** A Fetch v11 response: one topic, two partitions, the second with a record set of two batches. */
async function fetchResponse(): Promise<Buffer> {
  const records = (from: number, n: number) => Array.from({ length: n }, (_, i) => Record({ offsetDelta: i, key: Buffer.from(`k${from + i}`), value: Buffer.from(`{"n":${from + i}}`), headers: { ce_id: Buffer.from(`e${from + i}`) } }));
  const set = Buffer.concat([
    (await RecordBatch({ firstOffset: Long.fromValue(40), lastOffsetDelta: 1, records: records(40, 2) })).buffer,
    (await RecordBatch({ firstOffset: Long.fromValue(42), lastOffsetDelta: 2, records: records(42, 3) })).buffer,
  ]);
  const partition = (e: Encoder, p: number, recordSet: Buffer) =>
    e.writeInt32(p).writeInt16(0).writeInt64(45).writeInt64(45).writeInt64(0).writeInt32(0).writeInt32(-1).writeInt32(recordSet.length).writeBuffer(recordSet);
  const e = new Encoder().writeInt32(0).writeInt16(0).writeInt32(7).writeInt32(1).writeString('edict.decisions.v1').writeInt32(2);
  partition(e, 0, Buffer.alloc(0));
  partition(e, 1, set);
  return e.buffer;
}

describe('useFastFetchDecoding', () => {
  it('makes kafkajs decode Fetch v11 responses with the fast record decoder, to the same result', async () => {
    const raw = await fetchResponse();
    const before = await fetch.protocol({ version: 11 })({ topics: [], maxWaitTime: 100 }).response.decode(raw);
    expect(useFastFetchDecoding()).toBe(true);
    const request = fetch.protocol({ version: 11 })({ topics: [], maxWaitTime: 100 });
    expect(request.response.decode).not.toBe(kafkajsV11.decode);
    const after = await request.response.decode(raw);
    expect(after).toStrictEqual(before);
    expect(after).toMatchObject({ sessionId: 7, responses: [{ topicName: 'edict.decisions.v1', partitions: [{ partition: 0, messages: [] }, { partition: 1 }] }] });
    expect(JSON.stringify(after)).toContain('"offset":"44"');
  });

  it('leaves other Fetch versions to kafkajs', () => {
    useFastFetchDecoding();
    expect(fetch.protocol({ version: 10 })({ topics: [], maxWaitTime: 100 }).response.decode).toBe((load('kafkajs/src/protocol/requests/fetch/v10/response.js') as { decode: unknown }).decode);
  });
});
