import { createRequire } from 'node:module';
import { useFastProduceEncoding } from './fast-produce-encoding';

const load = createRequire(__filename);
type Built = { request: { apiVersion: number; encode: () => Promise<{ buffer: Buffer }> } };
const produce = load('kafkajs/src/protocol/requests/produce/index.js') as { protocol: (v: { version: number }) => (args: object) => Built };
const kafkajsV3 = load('kafkajs/src/protocol/requests/produce/v3/request.js') as (args: object) => Built['request'];

const args = {
  acks: -1,
  timeout: 30_000,
  compression: 0,
  topicData: [{ topic: 'edict.decisions.v1', partitions: [{ partition: 1, firstSequence: 7, messages: [{ key: 'k1', value: '{"a":1}', headers: { ce_id: 'k1' } }, { key: 'k2', value: null }] }] }],
};

describe('useFastProduceEncoding', () => {
  it('makes kafkajs\'s Produce v3–v7 requests encode with encodeProduceRequest, to the same bytes and the same version', async () => {
    const spy = jest.spyOn(Date, 'now').mockReturnValue(1_764_600_000_000);
    try {
      const before = (await kafkajsV3(args).encode()).buffer;
      expect(useFastProduceEncoding({})).toBe(true);
      for (const version of [3, 4, 5, 6, 7]) {
        const { request } = produce.protocol({ version })(args);
        expect(request.apiVersion).toBe(version);
        expect((await request.encode()).buffer.equals(before)).toBe(true);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('hands a request it does not cover (compressed) back to kafkajs\'s own encoder', async () => {
    useFastProduceEncoding({});
    const gzip = { ...args, compression: 1 };
    const spy = jest.spyOn(Date, 'now').mockReturnValue(1_764_600_000_000);
    try {
      const ours = (await produce.protocol({ version: 7 })(gzip).request.encode()).buffer;
      const theirs = (await kafkajsV3(gzip).encode()).buffer;
      expect(ours.length).toBeGreaterThan(0);
      // gzip output carries no timestamp of its own here, so the two encodings agree
      expect(ours.equals(theirs)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
