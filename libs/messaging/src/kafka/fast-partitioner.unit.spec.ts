import { createRequire } from 'node:module';
import fc from 'fast-check';
import { Partitioners, type PartitionerArgs } from 'kafkajs';
import { fastDefaultPartitioner, murmur2 } from './fast-partitioner';

const kafkajsMurmur2 = createRequire(__filename)('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: Buffer | string) => number;
const partitions = (n: number): PartitionerArgs['partitionMetadata'] => Array.from({ length: n }, (_, i) => ({ partitionId: i, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));

describe('murmur2', () => {
  it('equals kafkajs\'s Java-compatible murmur2 for any string or bytes', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 64 }), fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a))), (key) => expect(murmur2(key)).toBe(kafkajsMurmur2(key))), { numRuns: 2000 });
  });

  it('gives the Java client\'s value for a known key', () => {
    // org.apache.kafka.common.utils.Utils.murmur2("21".getBytes()) == -973932308
    expect(murmur2('21')).toBe(-973932308);
  });
});

describe('fastDefaultPartitioner', () => {
  it('puts every keyed message on the partition kafkajs\'s DefaultPartitioner picks', () => {
    const ours = fastDefaultPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (key, n) => {
      const args = { topic: 't', partitionMetadata: partitions(n), message: { key, value: 'v' } };
      expect(ours(args)).toBe(theirs(args));
    }));
  });

  it('honours a message\'s own partition, and spreads keyless messages over the partitions', () => {
    const ours = fastDefaultPartitioner();
    expect(ours({ topic: 't', partitionMetadata: partitions(4), message: { key: 'k', value: 'v', partition: 3 } })).toBe(3);
    const seen = new Set(Array.from({ length: 8 }, () => ours({ topic: 't', partitionMetadata: partitions(4), message: { key: null, value: 'v' } })));
    expect(seen).toEqual(new Set([0, 1, 2, 3]));
  });
});
