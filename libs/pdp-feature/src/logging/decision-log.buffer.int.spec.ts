// First: a topic namespace for this file, set before @edict/contracts is loaded.
import { TEST_TOPIC_PREFIX } from './__fixtures__/topic-prefix.fixture';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { dlqTopic, Topics } from '@edict/contracts';
import { createKafka, KafkaPublisher } from '@edict/messaging';
import { createLogger } from '@edict/observability';
import { aDecision, createTopics, eventually, uniqueName } from '@edict/testing';
import { pdpConfigFromEnv, type PdpConfig } from '../pdp.config';
import { PdpMetrics } from '../pdp.metrics';
import { DecisionLogBuffer, FAILED_FLUSHES_NOT_READY } from './decision-log.buffer';

const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const config: PdpConfig = { ...pdpConfigFromEnv({}), name: 'pdp-int', logBatchSize: 50, logFlushMs: 3_600_000, logBufferLimit: 1000 }; // flushed by hand
const logger = createLogger('pdp-buffer-int', { level: 'silent' });
const metrics = new PdpMetrics();

interface Seen { readonly topic: string; readonly key: string; readonly headers: Record<string, string>; readonly value: string | null }

const deepContext = (depth: number): Record<string, unknown> => {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const decision = (id: string, context: Record<string, unknown> = { risk: 1 }) =>
  aDecision({ decisionId: id, request: { agent: 'a', action: 'b', resource: 'c', context } });
const counter = async (name: 'deadLettered' | 'dropped', reason: string): Promise<number> => {
  const values = (await metrics[name].get()).values;
  return values.filter((v) => v.labels.reason === reason).reduce((sum, v) => sum + v.value, 0);
};

describe('DecisionLogBuffer against real Kafka: one bad record never stops the log', () => {
  const seen: Seen[] = [];
  let consumer: Consumer;
  let publisher: KafkaPublisher;

  beforeAll(async () => {
    expect(Topics.decisions.startsWith(TEST_TOPIC_PREFIX)).toBe(true);
    await createTopics(brokers, [Topics.decisions, dlqTopic(Topics.decisions)], 1);
    consumer = new Kafka({ clientId: uniqueName('buffer-int'), brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: uniqueName('buffer-int') });
    await consumer.connect();
    await consumer.subscribe({ topics: [Topics.decisions, dlqTopic(Topics.decisions)], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ topic, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        seen.push({ topic, key: message.key?.toString() ?? '', headers, value: message.value?.toString() ?? null });
        return Promise.resolve();
      },
    });
    publisher = new KafkaPublisher(createKafka(uniqueName('buffer-int'), brokers));
  }, 60_000);
  afterAll(async () => {
    await publisher?.disconnect();
    await consumer?.disconnect();
  });

  const arrived = (topic: string, key: string) =>
    eventually(`${key} on ${topic}`, () => Promise.resolve(seen.find((m) => m.topic === topic && m.key === key)), 30_000);

  it('dead-letters a record that cannot be serialised (context 10,000 deep, a non-finite number) and logs the rest of the batch and the next decisions', async () => {
    const buffer = new DecisionLogBuffer(publisher, metrics, config, logger);
    const before = await counter('deadLettered', 'unserialisable');
    try {
      buffer.add(decision('ok-before'));
      buffer.add(decision('poison-deep', deepContext(10_000)));
      buffer.add(decision('poison-infinity', { limit: Infinity }));
      buffer.add(decision('ok-after'));
      await buffer.flush();
      buffer.add(decision('ok-next-batch'));
      await buffer.flush();

      for (const id of ['ok-before', 'ok-after', 'ok-next-batch']) expect(JSON.parse((await arrived(Topics.decisions, id)).value ?? 'null')).toMatchObject({ decisionId: id });
      const deep = await arrived(dlqTopic(Topics.decisions), 'poison-deep');
      expect(deep.headers).toMatchObject({
        edict_dlq_error_code: 'PDP.DECISION_UNSERIALISABLE',
        edict_dlq_error_message: expect.stringContaining('RangeError'),
        edict_dlq_source_topic: Topics.decisions,
        edict_dlq_producer: 'pdp/pdp-int',
        ce_id: 'poison-deep',
        ce_type: 'io.edict.decision.logged.v1',
      });
      expect((await arrived(dlqTopic(Topics.decisions), 'poison-infinity')).headers['edict_dlq_error_message']).toContain('not finite');
      expect(seen.filter((m) => m.topic === Topics.decisions && m.key.startsWith('poison'))).toEqual([]);
      expect(await counter('deadLettered', 'unserialisable')).toBe(before + 2);
      await expect(buffer.health()).resolves.toBeUndefined();
    } finally {
      await buffer.onApplicationShutdown();
    }
  }, 60_000);

  it('flushes by itself logFlushMs after a record waits, and again for a record added after that flush', async () => {
    const buffer = new DecisionLogBuffer(publisher, metrics, { ...config, logFlushMs: 50 }, logger);
    try {
      buffer.add(decision('timed-1'));
      await arrived(Topics.decisions, 'timed-1');
      buffer.add(decision('timed-2'));
      await arrived(Topics.decisions, 'timed-2');
    } finally {
      await buffer.onApplicationShutdown();
    }
  }, 60_000);

  it('isolates a record the broker refuses (over its message size) and sends the others of the batch', async () => {
    const buffer = new DecisionLogBuffer(publisher, metrics, config, logger);
    try {
      ['big-1', 'big-2', 'big-3'].forEach((id) => buffer.add(decision(id)));
      buffer.add(decision('too-large', { blob: 'x'.repeat(2 * 1024 * 1024) }));
      ['big-4', 'big-5'].forEach((id) => buffer.add(decision(id)));
      await buffer.flush();

      for (const id of ['big-1', 'big-2', 'big-3', 'big-4', 'big-5']) await arrived(Topics.decisions, id);
      const dead = await arrived(dlqTopic(Topics.decisions), 'too-large');
      expect(dead.headers).toMatchObject({ edict_dlq_error_code: 'MESSAGING.MESSAGE_REJECTED', ce_id: 'too-large' });
      expect(Number(dead.headers['edict_dlq_value_dropped'])).toBeGreaterThan(2 * 1024 * 1024); // refused by the DLQ too: headers only
      expect(dead.value).toBeNull();
    } finally {
      await buffer.onApplicationShutdown();
    }
  }, 60_000);

  it('keeps records while Kafka is unreachable, counts the failures, and turns not ready after repeated failed flushes', async () => {
    const unreachable = new KafkaPublisher(createKafka(uniqueName('buffer-int-down'), ['127.0.0.1:1'], { retry: { retries: 1, initialRetryTime: 20 }, connectionTimeout: 300 }), { initialBackoffMs: 1 });
    const buffer = new DecisionLogBuffer(unreachable, metrics, { ...config, logBufferLimit: 3 }, logger);
    const dropped = await counter('dropped', 'buffer_full');
    try {
      ['k-1', 'k-2', 'k-3', 'k-4', 'k-5'].forEach((id) => buffer.add(decision(id)));
      for (let i = 1; i <= FAILED_FLUSHES_NOT_READY; i++) {
        await buffer.flush();
        if (i < FAILED_FLUSHES_NOT_READY) await expect(buffer.health()).resolves.toBeUndefined();
      }
      await expect(buffer.health()).rejects.toThrow(/3 decision log flushes failed in a row, 3 pending/);
      expect(await counter('dropped', 'buffer_full')).toBe(dropped + 2); // the two oldest
    } finally {
      await buffer.onApplicationShutdown(); // one more failed flush, then the timer is gone
      await unreachable.disconnect();
    }
  }, 60_000);
});
