import type { Consumer, Kafka } from 'kafkajs';
import { Topics } from '@edict/contracts';
import type { EventConsumer, EventHandlers } from '@edict/messaging/kafka';

/**
 * How the PDP's consumer waits on an idle topic: each fetch is held by the broker up to
 * `maxWaitTimeInMs` (an event is delivered at once), and the group heartbeat rides on that loop.
 * One wake-up every 5 s while nothing happens; a crashed PDP leaves its group after 15 s.
 */
export const PDP_CONSUMER_TIMING = { sessionTimeout: 15_000, heartbeatInterval: 5_000, maxWaitTimeInMs: 5_000 } as const;

/**
 * The PDP's Kafka consumer on kafkajs directly (no @nestjs/microservices): `edict.rollouts.v1`
 * and `edict.exceptions.v1` from now on (a new group starts at the end: a decision point only
 * wants what happens from now on, and loads the current state by HTTP), each message handled
 * by the EventConsumer (poison to the DLQ, a transient failure rethrown so that kafkajs delivers
 * it again and the offset is not committed). Its own group per PDP: every PDP sees every event.
 */
export async function startPdpEventConsumer(kafka: Kafka, groupId: string, consumer: EventConsumer, handlers: Readonly<Record<string, EventHandlers>>): Promise<Consumer> {
  const kafkaConsumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, ...PDP_CONSUMER_TIMING });
  await kafkaConsumer.connect();
  try {
    await kafkaConsumer.subscribe({ topics: [Topics.rollouts, Topics.exceptions], fromBeginning: false });
    await kafkaConsumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const forTopic = handlers[topic];
        if (forTopic) await consumer.handle({ topic, partition, offset: message.offset, message }, forTopic);
      },
    });
  } catch (error) {
    await kafkaConsumer.disconnect();
    throw error;
  }
  return kafkaConsumer;
}

/** The `kafka` readiness check, as every service's: the cluster answers a metadata request. */
export async function kafkaReachable(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}
