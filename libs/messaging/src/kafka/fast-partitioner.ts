import { Partitioners, type ICustomPartitioner } from 'kafkajs';

const M = 0x5bd1e995;

/**
 * Kafka's murmur2 (the Java client's Utils.murmur2, seed 0x9747b28c) in 32-bit arithmetic, the
 * same results as kafkajs 2.2.4's version, which computes it with 64-bit Longs.
 */
export function murmur2(key: Buffer | string): number {
  const data = Buffer.isBuffer(key) ? key : Buffer.from(key);
  const length = data.length;
  let h = 0x9747b28c ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length % 4; // the last one to three bytes, as the Java client's fall-through switch takes them
  if (rest === 3) h ^= data[whole + 2]! << 16;
  if (rest >= 2) h ^= data[whole + 1]! << 8;
  if (rest >= 1) {
    h ^= data[whole]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * kafkajs's DefaultPartitioner (Java-compatible: a keyed message goes to murmur2(key) mod the
 * partition count, so every client puts a key on the same partition), with the keyed case computed
 * by the murmur2 above; a message with its own partition, or without a key, goes to kafkajs's own.
 */
export const fastDefaultPartitioner: ICustomPartitioner = () => {
  const kafkajs = Partitioners.DefaultPartitioner();
  return (args) => {
    const { key, partition } = args.message;
    if ((partition !== null && partition !== undefined) || key === null || key === undefined) return kafkajs(args);
    return (murmur2(Buffer.isBuffer(key) ? key : String(key)) & 0x7fffffff) % args.partitionMetadata.length;
  };
};
