import type { Kafka } from 'kafkajs';
import { ensureTopics } from './ensure-topics';

/** A Kafka whose admin fails `createTopics` with the given errors, one per attempt, then succeeds. */
function kafkaFailing(errors: Error[]): { kafka: Kafka; created: string[][] } {
  const created: string[][] = [];
  const admin = {
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
  return { kafka: { admin: () => admin } as unknown as Kafka, created };
}
const retriable = (message: string): Error => Object.assign(new Error(message), { retriable: true });

describe('ensureTopics', () => {
  it('retries a topic that has no leader yet, then creates what is missing once', async () => {
    const { kafka, created } = kafkaFailing([retriable('This server does not host this topic-partition'), retriable('leader not available')]);
    await ensureTopics(kafka, ['a', 'a.dlq']);
    expect(created).toEqual([['a', 'a.dlq']]);
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
