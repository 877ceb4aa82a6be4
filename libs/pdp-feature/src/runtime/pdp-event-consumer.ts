import type { Consumer, Kafka } from 'kafkajs';
import { Topics } from '@edict/contracts';
import type { EventConsumer, EventHandlers } from '@edict/messaging/kafka';

/** The consumer's kafkajs timing: how long the broker holds a fetch, the heartbeat, the session. */
export interface PdpConsumerTiming {
  readonly maxWaitTimeInMs: number;
  readonly heartbeatInterval: number;
  readonly sessionTimeout: number;
  /** how long a join waits for the group's other members: the old member of a PDP that came back under its name */
  readonly rebalanceTimeout: number;
}

/** A PDP's group has one member; a join waits this long at most for the member it replaces. */
export const PDP_REBALANCE_TIMEOUT_MS = 5000;

/**
 * How the PDP's consumer waits on an idle topic: each fetch is held by the broker up to
 * `EDICT_PDP_CONSUMER_WAIT_MS` (default 30 s; an event is delivered at once, whatever the wait),
 * and the group heartbeat rides on that loop, so it beats once per wait; the session is three
 * waits (90 s), at least 15 s. An idle PDP wakes for Kafka once in 30 s (each fetch cycle costs
 * it about 5 ms of CPU; at 5 s that was most of its idle CPU). A PDP that stopped without leaving
 * its group (a crash, or a stop that did not wait for the held fetch) and comes back under the
 * same name joins once the group gives up on the old member: after the rebalance timeout, 5 s
 * (kafkajs's default, 60 s, kept a restarted PDP from listening for a minute; the start waits
 * for the join). The broker's group.max.session.timeout.ms must allow the session.
 */
export function pdpConsumerTiming(env: NodeJS.ProcessEnv = process.env): PdpConsumerTiming {
  const configured = Number(env['EDICT_PDP_CONSUMER_WAIT_MS'] ?? 30_000);
  const wait = Number.isFinite(configured) && configured >= 100 ? Math.round(configured) : 30_000;
  return { maxWaitTimeInMs: wait, heartbeatInterval: wait, sessionTimeout: Math.max(15_000, 3 * wait), rebalanceTimeout: PDP_REBALANCE_TIMEOUT_MS };
}

/**
 * The PDP's Kafka consumer on kafkajs directly (no @nestjs/microservices): `edict.rollouts.v1`
 * and `edict.exceptions.v1` from now on (a new group starts at the end: a decision point only
 * wants what happens from now on, and loads the current state by HTTP), each message handled
 * by the EventConsumer (poison to the DLQ, a transient failure rethrown so that kafkajs delivers
 * it again and the offset is not committed). Its own group per PDP: every PDP sees every event.
 */
export async function startPdpEventConsumer(kafka: Kafka, groupId: string, consumer: EventConsumer, handlers: Readonly<Record<string, EventHandlers>>, timing: PdpConsumerTiming = pdpConsumerTiming()): Promise<Consumer> {
  const kafkaConsumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, ...timing });
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

/**
 * Stops the consumer, waiting at most `boundMs`: kafkajs's disconnect waits for the fetch in
 * flight, which the broker may hold a whole wait (30 s). Past the bound the PDP stops without
 * it (the group forgets the member when its session ends); the disconnect goes on meanwhile.
 */
export async function stopPdpEventConsumer(kafkaConsumer: Consumer, boundMs = 2000): Promise<'left' | 'not-waited'> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'not-waited'>((resolve) => (timer = setTimeout(() => resolve('not-waited'), boundMs)));
  try {
    return await Promise.race([kafkaConsumer.disconnect().then(() => 'left' as const), bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** The cluster answers a metadata request (a connection of its own): what KafkaReadiness asks when the consumer has not heard from the cluster lately. */
export async function kafkaReachable(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}
