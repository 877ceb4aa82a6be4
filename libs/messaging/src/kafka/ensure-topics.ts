import type { Kafka } from 'kafkajs';
import { allTopics, dlqTopic } from '@edict/contracts';

/** Every topic of the contract and its dead-letter topic. */
export const contractTopics = (): string[] => allTopics.flatMap((t) => [t, dlqTopic(t)]);

/**
 * Creates the topics that do not exist yet (idempotent; safe when several services start at once).
 * Partitions: 3 by default, so that keyed ordering holds while consumers can scale.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[] = contractTopics(), partitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
