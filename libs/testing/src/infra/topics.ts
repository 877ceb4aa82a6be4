import { Kafka, logLevel } from 'kafkajs';

const retriable = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;

/**
 * Creates topics (that do not exist yet) and waits until each partition has a leader, so a
 * test can produce right away. The replication factor is the broker's default. On a loaded
 * broker a just-created topic can be unknown to the metadata for a moment ("This server does
 * not host this topic-partition", which kafkajs' own leader wait does not retry): retriable
 * errors are retried until every partition has a leader or 60 s have passed.
 */
export async function createTopics(brokers: string[], topics: readonly string[], partitions = 3): Promise<void> {
  const admin = new Kafka({ clientId: 'edict-test-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const deadline = Date.now() + 60_000;
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((t) => !existing.has(t));
        if (missing.length > 0) await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: partitions })) });
        const { topics: described } = await admin.fetchTopicMetadata({ topics: [...topics] });
        const leaderless = described.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0)).map((t) => t.name);
        if (leaderless.length === 0) return;
        if (Date.now() >= deadline) throw new Error(`topics without a leader after 60 s: ${leaderless.join(', ')}`);
      } catch (error) {
        if (!retriable(error) || Date.now() >= deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1000)));
    }
  } finally {
    await admin.disconnect();
  }
}
