/** A message as kafkajs hands it to the Produce request (after partitioning). */
export interface ProduceMessage {
  readonly key?: unknown;
  readonly value?: unknown;
  readonly headers?: unknown;
  readonly timestamp?: unknown;
}

/** kafkajs's Produce v3–v7 request arguments (`topicData` grouped by topic and partition). */
export interface ProduceArgs {
  readonly acks: number;
  readonly timeout: number;
  readonly transactionalId?: string | null;
  /** kafkajs Long, bigint or number */
  readonly producerId?: unknown;
  readonly producerEpoch?: number;
  readonly compression?: number;
  readonly topicData: readonly {
    readonly topic: string;
    readonly partitions: readonly { readonly partition: number; readonly firstSequence?: number; readonly messages: readonly ProduceMessage[] }[];
  }[];
}

type Bytes = string | Buffer | null | undefined;
interface Header { readonly key: string; readonly value: string | Buffer }

const isBytes = (v: unknown): v is Bytes => v === null || v === undefined || typeof v === 'string' || Buffer.isBuffer(v);

/** The headers as [key, value] pairs, or undefined when kafkajs's own encoder must take them (arrays, nulls, other types). */
function plainHeaders(headers: unknown): Header[] | undefined {
  if (headers === undefined) return [];
  if (headers === null || typeof headers !== 'object') return undefined;
  const out: Header[] = [];
  for (const key of Object.keys(headers)) {
    const value = (headers as Record<string, unknown>)[key];
    if (typeof value !== 'string' && !Buffer.isBuffer(value)) return undefined;
    out.push({ key, value });
  }
  return out;
}

const zigzag = (v: number): number => (v << 1) ^ (v >> 31);
function sizeOfUVarInt(v: number): number {
  let bytes = 1;
  while ((v & 0xffffff80) !== 0) {
    bytes++;
    v >>>= 7;
  }
  return bytes;
}
const sizeOfVarInt = (v: number): number => sizeOfUVarInt(zigzag(v));
const byteLength = (v: string | Buffer): number => (typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length);

/** One record's sizes, computed once for both passes. */
interface Sized {
  readonly key: Bytes;
  readonly keyLength: number;
  readonly value: Bytes;
  readonly valueLength: number;
  readonly headers: readonly Header[];
  readonly headerLengths: readonly number[];
  readonly body: number;
}

function sizeRecord(message: ProduceMessage, offsetDelta: number): Sized | undefined {
  const { key, value } = message;
  if (!isBytes(key) || !isBytes(value) || (message.timestamp !== undefined && message.timestamp !== null)) return undefined;
  const headers = plainHeaders(message.headers);
  if (!headers) return undefined;
  const keyLength = key === null || key === undefined ? -1 : byteLength(key);
  const valueLength = value === null || value === undefined ? -1 : byteLength(value);
  const headerLengths: number[] = [];
  let body = 1 + 1 + sizeOfVarInt(offsetDelta) + sizeOfVarInt(keyLength) + Math.max(keyLength, 0) + sizeOfVarInt(valueLength) + Math.max(valueLength, 0) + sizeOfVarInt(headers.length);
  for (const header of headers) {
    const k = Buffer.byteLength(header.key, 'utf8');
    const v = byteLength(header.value);
    headerLengths.push(k, v);
    body += sizeOfVarInt(k) + k + sizeOfVarInt(v) + v;
  }
  return { key, keyLength, value, valueLength, headers, headerLengths, body };
}

/** A buffer written front to back; sizes are known beforehand, so it never grows. */
class Writer {
  offset = 0;
  constructor(readonly buf: Buffer) {}
  int8(v: number): void {
    this.buf[this.offset++] = v & 0xff;
  }
  int16(v: number): void {
    this.offset = this.buf.writeInt16BE(v, this.offset);
  }
  int32(v: number): void {
    this.offset = this.buf.writeInt32BE(v, this.offset);
  }
  uint32(v: number): void {
    this.offset = this.buf.writeUInt32BE(v, this.offset);
  }
  int64(v: bigint): void {
    this.offset = this.buf.writeBigInt64BE(v, this.offset);
  }
  varInt(v: number): void {
    let u = zigzag(v);
    while ((u & 0xffffff80) !== 0) {
      this.buf[this.offset++] = (u & 0x7f) | 0x80;
      u >>>= 7;
    }
    this.buf[this.offset++] = u & 0x7f;
  }
  string(v: string, length: number): void {
    this.offset += this.buf.write(v, this.offset, length, 'utf8');
  }
  bytes(v: string | Buffer, length: number): void {
    if (typeof v === 'string') this.string(v, length);
    else this.offset += v.copy(this.buf, this.offset);
  }
}

function writeRecord(w: Writer, r: Sized, offsetDelta: number): void {
  w.varInt(r.body);
  w.int8(0); // attributes
  w.varInt(0); // timestamp delta: no message carries its own timestamp
  w.varInt(offsetDelta);
  w.varInt(r.keyLength);
  if (r.keyLength >= 0) w.bytes(r.key as string | Buffer, r.keyLength);
  w.varInt(r.valueLength);
  if (r.valueLength >= 0) w.bytes(r.value as string | Buffer, r.valueLength);
  w.varInt(r.headers.length);
  r.headers.forEach((h, i) => {
    const k = r.headerLengths[2 * i]!;
    const v = r.headerLengths[2 * i + 1]!;
    w.varInt(k);
    w.string(h.key, k);
    w.varInt(v);
    w.bytes(h.value, v);
  });
}

/** A kafkajs Long (its toString is the decimal value), a bigint or a number, as a bigint. */
function int64Of(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' || typeof v === 'string') return BigInt(v);
  return BigInt((v as { toString(): string }).toString());
}

const BATCH_HEADER = 8 + 4 + 4 + 1 + 4; // first offset, length, leader epoch, magic, crc
const BATCH_BODY_HEADER = 2 + 4 + 8 + 8 + 8 + 2 + 4 + 4; // attributes … first sequence, record count
const TRANSACTIONAL = 16;

/**
 * The body of a Produce request v3–v7 (everything after the request header), byte for byte what
 * kafkajs 2.2.4's encoder writes (produce/v3/request.js with recordBatch/v0 and record/v0), in
 * one pass into one buffer of the exact size. Only for what needs no more than that: no
 * compression, no message with its own timestamp, keys and values that are strings, Buffers or
 * null, headers of one string or Buffer each; anything else answers undefined, so that kafkajs's
 * own encoder takes the request. `now` is the batch timestamp (kafkajs: Date.now()), `crc32c` the
 * Castagnoli checksum over the batch from its attributes on.
 */
export function encodeProduceRequest(args: ProduceArgs, now: number, crc32c: (bytes: Buffer) => number): Buffer | undefined {
  if ((args.compression ?? 0) !== 0) return undefined;
  const transactionalId = args.transactionalId ?? null;
  const topics = [];
  let size = 2 + (transactionalId === null ? 0 : Buffer.byteLength(transactionalId, 'utf8')) + 2 + 4 + 4;
  for (const { topic, partitions } of args.topicData) {
    const topicLength = Buffer.byteLength(topic, 'utf8');
    size += 2 + topicLength + 4;
    const sized = [];
    for (const p of partitions) {
      const records: Sized[] = [];
      let body = BATCH_BODY_HEADER;
      for (const [i, message] of p.messages.entries()) {
        const r = sizeRecord(message, i);
        if (!r) return undefined;
        records.push(r);
        body += sizeOfVarInt(r.body) + r.body;
      }
      size += 4 + 4 + BATCH_HEADER + body;
      sized.push({ partition: p.partition, firstSequence: p.firstSequence ?? 0, records, body });
    }
    topics.push({ topic, topicLength, partitions: sized });
  }
  const producerId = int64Of(args.producerId ?? -1);
  const w = new Writer(Buffer.allocUnsafe(size));
  w.int16(transactionalId === null ? -1 : Buffer.byteLength(transactionalId, 'utf8'));
  if (transactionalId !== null) w.string(transactionalId, Buffer.byteLength(transactionalId, 'utf8'));
  w.int16(args.acks);
  w.int32(args.timeout);
  w.int32(topics.length);
  for (const t of topics) {
    w.int16(t.topicLength);
    w.string(t.topic, t.topicLength);
    w.int32(t.partitions.length);
    for (const p of t.partitions) {
      w.int32(p.partition);
      w.int32(BATCH_HEADER + p.body); // the record batch's size
      w.int64(0n); // first offset
      w.int32(4 + 1 + 4 + p.body); // length of what follows
      w.int32(0); // partition leader epoch
      w.int8(2); // magic
      const crcAt = w.offset;
      w.uint32(0);
      const bodyAt = w.offset;
      w.int16(transactionalId === null ? 0 : TRANSACTIONAL);
      w.int32(p.records.length - 1);
      w.int64(BigInt(now));
      w.int64(BigInt(now));
      w.int64(producerId);
      w.int16(args.producerEpoch ?? 0);
      w.int32(p.firstSequence);
      w.int32(p.records.length);
      p.records.forEach((r, i) => writeRecord(w, r, i));
      w.buf.writeUInt32BE(crc32c(w.buf.subarray(bodyAt, w.offset)), crcAt);
    }
  }
  if (w.offset !== size) throw new Error(`produce request encoded ${w.offset} bytes, ${size} expected`);
  return w.buf;
}
