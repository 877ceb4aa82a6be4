import type { Kafka } from 'kafkajs';
import { ensureTopics } from './ensure-topics';

/**
 * A Kafka whose admin fails `createTopics` with the given errors, one per attempt, then succeeds;
 * its metadata shows `leaderlessFor` answers without a leader before the partitions get one.
 */
function kafkaFailing(errors: Error[], leaderlessFor = 0): { kafka: Kafka; created: string[][]; metadataAsked: () => number } {
  const created: string[][] = [];
  let asked = 0;
  const admin = {
    fetchTopicMetadata: ({ topics }: { topics: string[] }) => {
      asked++;
      const leader = asked > leaderlessFor ? 0 : -1;
      return Promise.resolve({ topics: topics.map((name) => ({ name, partitions: [{ partitionId: 0, leader }] })) });
    },
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    listTopics: () => Promise.resolve(created.flat()),
    createTopics: ({ topics }: { topics: { topic: string }[] }) => {
      const error = errors.shift();
      if (error) return Promise.reject(error);
      created.push(topics.map((t) => t.topic));
      return Promise.resolve(true);
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, created, metadataAsked: () => asked };
}
const retriable = (message: string): Error => Object.assign(new Error(message), { retriable: true });

describe('ensureTopics', () => {
  it('retries a topic that has no leader yet, then creates what is missing once', async () => {
    const { kafka, created } = kafkaFailing([retriable('This server does not host this topic-partition'), retriable('leader not available')]);
    await ensureTopics(kafka, ['a', 'a.dlq']);
    expect(created).toEqual([['a', 'a.dlq']]);
  });

  it('waits until topics another service created have a leader before it returns', async () => {
    const { kafka, created, metadataAsked } = kafkaFailing([], 2);
    await ensureTopics(kafka, ['a']);
    expect({ created, metadataAsked: metadataAsked() }).toEqual({ created: [['a']], metadataAsked: 3 });
  });

  it('fails at once on an error that is not retriable', async () => {
    const { kafka } = kafkaFailing([new Error('authorization failed')]);
    await expect(ensureTopics(kafka, ['a'])).rejects.toThrow('authorization failed');
  });

  it('gives up on retriable errors after its deadline', async () => {
    const { kafka } = kafkaFailing(Array.from({ length: 100 }, () => retriable('still no leader')));
    await expect(ensureTopics(kafka, ['a'], { deadlineMs: 0 })).rejects.toThrow('still no leader');
  });
});
