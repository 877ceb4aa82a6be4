import { Kafka, logLevel } from 'kafkajs';

/**
 * Creates topics (that do not exist yet) and waits until each partition has a leader, so a
 * test can produce right away. The replication factor is the broker's default.
 */
export async function createTopics(brokers: string[], topics: readonly string[], partitions = 3): Promise<void> {
  const admin = new Kafka({ clientId: 'edict-test-admin', brokers, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: partitions })) });
  } finally {
    await admin.disconnect();
  }
}
