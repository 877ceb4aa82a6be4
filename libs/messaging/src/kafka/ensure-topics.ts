import type { Kafka } from 'kafkajs';
import { allTopics, dlqTopic } from '@edict/contracts';

/** Every topic of the contract and its dead-letter topic. */
export const contractTopics = (): string[] => allTopics.flatMap((t) => [t, dlqTopic(t)]);

export interface EnsureTopicsOptions {
  readonly partitions?: number;
  /** how long to keep trying while topics are still getting their leaders (default 60 s) */
  readonly deadlineMs?: number;
}

const retriable = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;

/**
 * Creates the topics that do not exist yet (idempotent; safe when several services start at once).
 * Partitions: 3 by default, so that keyed ordering holds while consumers can scale. When services
 * start together, a topic another one has just created may not have a leader yet ("This server
 * does not host this topic-partition"): it returns only once every topic's partitions have a
 * leader, and such retriable errors are retried, with a fresh look at what exists, until the
 * deadline; anything else, or the deadline, fails the start.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[] = contractTopics(), options: EnsureTopicsOptions = {}): Promise<void> {
  const { partitions = 3, deadlineMs = 60_000 } = options;
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await createMissing(kafka, topics, partitions);
      return;
    } catch (error) {
      if (!retriable(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2000)));
    }
  }
}

async function createMissing(kafka: Kafka, topics: readonly string[], partitions: number): Promise<void> {
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
    // listed is not ready: a topic another service has just created may have no leader yet, and a
    // producer or consumer asking for it then fails the start ("does not host this topic-partition")
    const { topics: described } = await admin.fetchTopicMetadata({ topics: [...topics] });
    const leaderless = described.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0)).map((t) => t.name);
    if (leaderless.length > 0) throw Object.assign(new Error(`topics without a leader yet: ${leaderless.join(', ')}`), { retriable: true });
  } finally {
    await admin.disconnect();
  }
}
