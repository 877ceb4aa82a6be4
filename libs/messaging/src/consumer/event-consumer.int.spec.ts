import { randomUUID } from 'node:crypto';
import { Controller, Inject, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaRetriableException, type KafkaContext, type MicroserviceOptions } from '@nestjs/microservices';
import { Pool } from 'pg';
import { dlqTopic } from '@edict/contracts';
import { ConflictError, UnavailableError } from '@edict/core';
import { createTopics, eventually, uniqueName } from '@edict/testing';
import { messageCount, TopicRecorder, type RecordedMessage } from '../__fixtures__/topic-recorder';
import { storedToCloudEvent, type EdictCloudEvent } from '../cloudevents/cloud-event.mapper';
import { createKafka } from '../kafka/kafka-client.factory';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { EventConsumer, type EventHandlers } from './event-consumer';
import { consumedFrom, kafkaTransportOptions } from './kafka-transport.options';
import { ProcessedEventsStore } from './processed-events.store';

/**
 * EventConsumer behind the real @nestjs/microservices Kafka transport (the options every service
 * uses), on real Kafka and Postgres. Isolation: a topic of its own per scenario (explicit names,
 * so no prefix is needed), a consumer group and a processed-events schema of this file's own.
 */
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const run = uniqueName('consumer-int');
const TOPIC = { duplicate: `${run}.duplicate`, retriable: `${run}.retriable`, poison: `${run}.poison`, permanent: `${run}.permanent` } as const;
const GROUP = `${run}-group`;
const SCHEMA = run.replace(/-/g, '_');
const PROBE = Symbol('PROBE');

/** What the handlers under test do, per topic, and what the transport saw thrown. */
class Probe {
  readonly handlers: Record<string, EventHandlers> = {};
  readonly thrown: { topic: string; error: unknown }[] = [];
  constructor(readonly consumer: EventConsumer) {}

  async handle(context: KafkaContext): Promise<void> {
    const consumed = consumedFrom(context);
    try {
      await this.consumer.handle(consumed, this.handlers[consumed.topic] ?? {});
    } catch (error) {
      this.thrown.push({ topic: consumed.topic, error });
      throw error;
    }
  }
}

@Controller()
class ProbeController {
  constructor(@Inject(PROBE) private readonly probe: Probe) {}
  @EventPattern(TOPIC.duplicate) duplicate(@Ctx() context: KafkaContext): Promise<void> { return this.probe.handle(context); }
  @EventPattern(TOPIC.retriable) retriable(@Ctx() context: KafkaContext): Promise<void> { return this.probe.handle(context); }
  @EventPattern(TOPIC.poison) poison(@Ctx() context: KafkaContext): Promise<void> { return this.probe.handle(context); }
  @EventPattern(TOPIC.permanent) permanent(@Ctx() context: KafkaContext): Promise<void> { return this.probe.handle(context); }
}

let pool: Pool;
let processed: ProcessedEventsStore;
let publisher: KafkaPublisher;
let probe: Probe;
let app: INestMicroservice;
let recorder: TopicRecorder;
const logged: { level: string; message: string; fields: Record<string, unknown> }[] = [];

beforeAll(async () => {
  const topics = Object.values(TOPIC);
  await createTopics(brokers, [...topics, ...topics.map(dlqTopic)], 1);
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 4 });
  processed = new ProcessedEventsStore(pool, SCHEMA);
  publisher = new KafkaPublisher(createKafka(`${run}-producer`, brokers));
  const log = (level: string) => (fields: Record<string, unknown>, message: string): void => void logged.push({ level, message, fields });
  probe = new Probe(new EventConsumer({ consumer: GROUP, publisher, processed, logger: { info: log('info'), warn: log('warn'), error: log('error') }, maxUnexpectedAttempts: 3, retriable: (m) => new KafkaRetriableException(m) }));
  app = await NestFactory.createMicroservice<MicroserviceOptions>(
    { module: class ProbeModule {}, controllers: [ProbeController], providers: [{ provide: PROBE, useValue: probe }] },
    { ...kafkaTransportOptions(`${run}-client`, GROUP, brokers), logger: false },
  );
  await app.listen();
  recorder = await new TopicRecorder(brokers).start(topics.map(dlqTopic));
}, 120_000);

afterAll(async () => {
  await app?.close();
  await recorder?.stop();
  await publisher?.disconnect();
  await pool?.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await pool?.end();
}, 60_000);

/** A CloudEvent as the relay would publish it, with a fresh event id. */
const approvedEvent = (policyId = 'org/consumer-int'): EdictCloudEvent =>
  storedToCloudEvent({
    eventId: randomUUID(), streamId: `bundle-${policyId}`, revision: 3, position: 42, type: 'BundleApproved',
    data: { policyId, version: '1.0.0', digest: `sha256:${'a'.repeat(64)}`, approvers: [], approvedAt: '2025-03-01T10:00:00.000Z' },
    metadata: { correlationId: 'corr-int' }, recordedAt: '2025-03-01T10:00:00.000Z', hash: 'ab'.repeat(32), previousHash: '0'.repeat(64),
  }, '/edict/consumer-int');

const calls = (): { ids: string[]; handler: (event: EdictCloudEvent) => Promise<void> } => {
  const ids: string[] = [];
  return { ids, handler: (event) => Promise.resolve(void ids.push(event.id)) };
};
/** The dead-lettered messages of a topic, once as many as expected are there. */
const deadLetters = (topic: string, count: number): Promise<RecordedMessage[]> =>
  eventually(`${count} messages on ${dlqTopic(topic)}`, () => Promise.resolve(recorder.on(dlqTopic(topic)).length >= count ? recorder.on(dlqTopic(topic)) : undefined), 60_000);
const dlqHeaders = (topic: string, code: string, offset: number): Record<string, unknown> => ({
  edict_dlq_error_code: code,
  edict_dlq_error_message: expect.any(String),
  edict_dlq_source_topic: topic,
  edict_dlq_source_partition: '0',
  edict_dlq_source_offset: String(offset),
  edict_dlq_consumer: GROUP,
});

describe('EventConsumer on the Kafka transport', () => {
  it('handles an event once and skips a redelivered duplicate by its event id', async () => {
    const seen = calls();
    probe.handlers[TOPIC.duplicate] = { BundleApproved: seen.handler };
    const event = approvedEvent();
    const other = approvedEvent();

    await publisher.publish(TOPIC.duplicate, [event, event, other]);

    await eventually('the duplicate to be skipped', () => Promise.resolve(logged.find((l) => l.message === 'duplicate event skipped' && l.fields['topic'] === TOPIC.duplicate)));
    await eventually('the other event', () => Promise.resolve(seen.ids.includes(other.id) ? true : undefined));
    expect(seen.ids).toEqual([event.id, other.id]);
    expect(logged.filter((l) => l.message === 'duplicate event skipped')).toEqual([expect.objectContaining({ fields: expect.objectContaining({ eventId: event.id, offset: '1' }) })]);
    await expect(processed.has(GROUP, event.id)).resolves.toBe(true);
    await expect(processed.has(GROUP, other.id)).resolves.toBe(true);
    expect(await messageCount(brokers, dlqTopic(TOPIC.duplicate))).toBe(0);
  }, 90_000);

  it('rethrows a retriable failure as KafkaRetriableException without marking the event, so Kafka delivers it again', async () => {
    const attempts: { id: string; markedBefore: boolean }[] = [];
    probe.handlers[TOPIC.retriable] = {
      BundleApproved: async (event) => {
        attempts.push({ id: event.id, markedBefore: await processed.has(GROUP, event.id) });
        if (attempts.length === 1) throw new UnavailableError('TEST.STORE_DOWN', 'the store is not reachable now');
      },
    };
    const event = approvedEvent();

    await publisher.publish(TOPIC.retriable, [event]);

    await eventually('the redelivery to succeed', async () => ((await processed.has(GROUP, event.id)) ? true : undefined), 60_000);
    expect(attempts).toEqual([{ id: event.id, markedBefore: false }, { id: event.id, markedBefore: false }]);
    const thrown = probe.thrown.filter((t) => t.topic === TOPIC.retriable);
    expect(thrown).toHaveLength(1);
    expect(thrown[0]?.error).toBeInstanceOf(KafkaRetriableException);
    expect(await messageCount(brokers, dlqTopic(TOPIC.retriable))).toBe(0);
  }, 90_000);

  it('dead-letters poison messages (not a CloudEvent, a malformed one) unchanged, with the edict_dlq_* headers', async () => {
    const seen = calls();
    probe.handlers[TOPIC.poison] = { BundleApproved: seen.handler };
    const notCloudEvent = { key: 'k-1', value: '{ "hello":   "world",\n  "n": 12345678901234567890 }', headers: { trace: 'abc' } };
    const malformed = { key: 'org/consumer-int', value: '{"policyId": ', headers: { ce_id: randomUUID(), ce_type: 'io.edict.bundle.approved.v1', ce_source: '/x', ce_specversion: '1.0', 'content-type': 'application/json' } };

    await publisher.sendRaw(TOPIC.poison, [notCloudEvent, malformed]);

    const [first, second] = (await deadLetters(TOPIC.poison, 2)).sort((a, b) => a.offset - b.offset);
    expect(first).toMatchObject({ key: 'k-1', headers: { trace: 'abc', ...dlqHeaders(TOPIC.poison, 'MESSAGING.NOT_A_CLOUDEVENT', 0) } });
    expect(first?.value?.toString('utf8')).toBe(notCloudEvent.value);
    expect(second).toMatchObject({ key: 'org/consumer-int', headers: { ...malformed.headers, ...dlqHeaders(TOPIC.poison, 'MESSAGING.MALFORMED_CLOUDEVENT', 1) } });
    expect(second?.value?.toString('utf8')).toBe(malformed.value);
    expect(seen.ids).toEqual([]);
    expect(probe.thrown.filter((t) => t.topic === TOPIC.poison)).toEqual([]);
  }, 90_000);

  it('dead-letters a permanently failing handler: a non-retriable error at once, an unexpected one after its attempts; both count as processed', async () => {
    const attempts = new Map<string, number>();
    const refused = approvedEvent('org/refused');
    const crashing = approvedEvent('org/crashing');
    probe.handlers[TOPIC.permanent] = {
      BundleApproved: (event) => {
        attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
        if (event.id === refused.id) return Promise.reject(new ConflictError('TEST.REFUSED', 'this event can never be applied'));
        return Promise.reject(new TypeError('cannot read properties of undefined'));
      },
    };

    await publisher.publish(TOPIC.permanent, [refused, crashing]);

    const [first, second] = (await deadLetters(TOPIC.permanent, 2)).sort((a, b) => a.offset - b.offset);
    expect(first).toMatchObject({ key: 'org/refused', headers: { ce_id: refused.id, ce_type: 'io.edict.bundle.approved.v1', ...dlqHeaders(TOPIC.permanent, 'TEST.REFUSED', 0) } });
    expect(JSON.parse(first?.value?.toString('utf8') ?? 'null')).toEqual(refused.data);
    expect(first?.headers['edict_dlq_error_message']).toBe('this event can never be applied');
    expect(second).toMatchObject({ key: 'org/crashing', headers: { ce_id: crashing.id, ...dlqHeaders(TOPIC.permanent, 'INTERNAL', 1) } });
    expect(second?.headers['edict_dlq_error_message']).toContain('cannot read properties of undefined');
    expect([attempts.get(refused.id), attempts.get(crashing.id)]).toEqual([1, 3]);
    await eventually('both to count as processed', async () => ((await processed.has(GROUP, crashing.id)) ? true : undefined));
    await expect(processed.has(GROUP, refused.id)).resolves.toBe(true);
    expect(probe.thrown.filter((t) => t.topic === TOPIC.permanent).map((t) => t.error)).toEqual([expect.any(KafkaRetriableException), expect.any(KafkaRetriableException)]);
  }, 120_000);
});
