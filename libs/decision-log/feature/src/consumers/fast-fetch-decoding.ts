import { createRequire } from 'node:module';
import { decodeRecordSet } from './kafka-record-batches';

/** The parts of kafkajs 2.2.4's protocol Decoder this reads. */
interface KafkaDecoder {
  buffer: Buffer;
  offset: number;
  readInt16(): number;
  readInt32(): number;
  readInt64(): bigint;
  readString(): string;
  canReadBytes(length: number): boolean;
  readArray<T>(reader: (d: KafkaDecoder) => T): T[];
  readArrayAsync<T>(reader: (d: KafkaDecoder) => Promise<T>): Promise<T[]>;
}
interface FetchResponse { readonly decode: (raw: Buffer) => Promise<unknown>; readonly parse: (decoded: unknown) => Promise<unknown> }
type FetchRequest = (args: unknown) => { response: FetchResponse } & Record<string, unknown>;
interface FetchProtocol { protocol: (v: { version: number }) => FetchRequest }

/**
 * kafkajs 2.2.4's Fetch v11 response decoder (the version Kafka 3.x answers), unchanged but for
 * the record sets, which decodeRecordSet reads with less work per record (the same records);
 * a record set it leaves alone is decoded by kafkajs's own `decodeMessages`.
 */
function fetchV11Decode(load: NodeJS.Require): FetchResponse['decode'] {
  const Decoder = load('kafkajs/src/protocol/decoder.js') as new (raw: Buffer) => KafkaDecoder;
  const kafkajsMessages = load('kafkajs/src/protocol/requests/fetch/v4/decodeMessages.js') as (d: KafkaDecoder) => Promise<unknown[]>;
  const decodeMessages = async (decoder: KafkaDecoder): Promise<unknown[]> => {
    const start = decoder.offset;
    const size = decoder.readInt32();
    if (size <= 0 || !decoder.canReadBytes(size)) return [];
    const records = decodeRecordSet(decoder.buffer.subarray(decoder.offset, decoder.offset + size));
    if (records) {
      decoder.offset += size;
      return records;
    }
    decoder.offset = start;
    return kafkajsMessages(decoder);
  };
  const partition = async (d: KafkaDecoder) => ({
    partition: d.readInt32(), errorCode: d.readInt16(), highWatermark: d.readInt64().toString(), lastStableOffset: d.readInt64().toString(),
    lastStartOffset: d.readInt64().toString(),
    abortedTransactions: d.readArray((a) => ({ producerId: a.readInt64().toString(), firstOffset: a.readInt64().toString() })),
    preferredReadReplica: d.readInt32(), messages: await decodeMessages(d),
  });
  return async (raw) => {
    const d = new Decoder(raw);
    const clientSideThrottleTime = d.readInt32();
    const errorCode = d.readInt16();
    const sessionId = d.readInt32();
    const responses = await d.readArrayAsync(async (t) => ({ topicName: t.readString(), partitions: await t.readArrayAsync(partition) }));
    return { throttleTime: 0, clientSideThrottleTime, errorCode, sessionId, responses };
  };
}

/** The kafkajs whose Fetch v11 decoder and record format this mirrors; another version keeps its own decoder. */
const MIRRORED_KAFKAJS = '2.2.4';
let applied: boolean | undefined;

/**
 * Makes this process's kafkajs decode Fetch v11 responses with decodeRecordSet (see there; the
 * consumer sees the same records). Measured on the decisions topic: kafkajs's record decoding
 * was the largest share of decision-log's CPU, most of it one object spread per header and Long
 * arithmetic per record. Other Fetch versions are left as they are. Once per process, before a
 * consumer fetches; kafkajs looks the protocol up on every fetch, so the wrapper applies to all.
 * Only on kafkajs 2.2.4 (the version it mirrors): returns whether it is in use.
 */
export function useFastFetchDecoding(): boolean {
  if (applied !== undefined) return applied;
  const load = createRequire(__filename);
  applied = (load('kafkajs/package.json') as { version: string }).version === MIRRORED_KAFKAJS;
  if (!applied) return false;
  const fetch = load('kafkajs/src/protocol/requests/fetch/index.js') as FetchProtocol;
  const v11 = load('kafkajs/src/protocol/requests/fetch/v11/response.js') as FetchResponse;
  const decode = fetchV11Decode(load);
  const base = fetch.protocol;
  fetch.protocol = ({ version }) => {
    const request = base({ version });
    return version !== 11 ? request : (args) => ({ ...request(args), response: { decode, parse: v11.parse } });
  };
  return true;
}
