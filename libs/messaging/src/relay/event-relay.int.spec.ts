// First: a topic namespace for this file, set before @edict/contracts is loaded (see the fixture).
import { TEST_TOPIC_PREFIX } from '../__fixtures__/topic-prefix.fixture';
import { Pool } from 'pg';
import { dlqTopic, Topics } from '@edict/contracts';
import {
  createPostgresEventStore, PostgresCheckpointStore, PostgresLeaderLock, type LeaderLease, type LeaderLock, type NewEvent, type PostgresEventStore, type StoredEvent,
} from '@edict/event-store';
import { createTopics, eventually, uniqueName } from '@edict/testing';
import { messageCount, TopicRecorder } from '../__fixtures__/topic-recorder';
import { createKafka } from '../kafka/kafka-client.factory';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { EventRelay } from './event-relay';

/**
 * The relay against real Postgres and Kafka. Isolation: a topic prefix of this file's own (so no
 * other run's messages are on these topics, and a topic's message count is exactly what this
 * file's relays wrote), one topic per test (each test relays another category), and a fresh
 * schema per test (store, checkpoints and lock names). Topics have one partition, so the order
 * on the topic is the order of publishing.
 */
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const databaseUrl = process.env['DATABASE_URL'] ?? '';
const AT = '2025-03-01T10:00:00.000Z';

let publisher: KafkaPublisher;
let pool: Pool;
let recorder: TopicRecorder;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  expect(Topics.bundles).toBe(`${TEST_TOPIC_PREFIX}edict.bundles.v1`);
  await createTopics(brokers, [Topics.bundles, Topics.rollouts, Topics.incidents, dlqTopic(Topics.rollouts)], 1);
  publisher = new KafkaPublisher(createKafka(uniqueName('relay-int'), brokers));
  pool = new Pool({ connectionString: databaseUrl, max: 4 });
  recorder = await new TopicRecorder(brokers).start([Topics.bundles, Topics.rollouts, Topics.incidents, dlqTopic(Topics.rollouts)]);
}, 60_000);

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
}, 60_000);

afterAll(async () => {
  await recorder?.stop();
  await publisher?.disconnect();
  await pool?.end();
}, 60_000);

/** A fresh schema: an event store, its checkpoints, and a relay factory over them. */
async function freshStore(): Promise<{ store: PostgresEventStore; checkpoints: PostgresCheckpointStore; schema: string }> {
  const schema = uniqueName('relay').replace(/-/g, '_');
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema, pollIntervalMs: 200 });
  cleanup.push(() => pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`), () => store.close());
  return { store, checkpoints: new PostgresCheckpointStore(pool, schema), schema };
}

/** A leader lock that remembers whether each attempt led or stood by. */
function observedLock(schema: string): LeaderLock & { readonly outcomes: ('leader' | 'standby')[] } {
  const inner = new PostgresLeaderLock(databaseUrl, { schema, heartbeatMs: 500 });
  cleanup.push(() => inner.close());
  const outcomes: ('leader' | 'standby')[] = [];
  return {
    outcomes,
    tryAcquire: async (name: string): Promise<LeaderLease | null> => {
      const lease = await inner.tryAcquire(name);
      outcomes.push(lease ? 'leader' : 'standby');
      return lease;
    },
  };
}

interface RunningRelay {
  readonly relay: EventRelay;
  readonly published: StoredEvent[];
  readonly errors: string[];
  readonly lock: ReturnType<typeof observedLock>;
  readonly poisoned: { position: number; code: string }[];
}

function startRelay(categories: string[], ctx: { store: PostgresEventStore; checkpoints: PostgresCheckpointStore; schema: string }): RunningRelay {
  const published: StoredEvent[] = [];
  const errors: string[] = [];
  const poisoned: { position: number; code: string }[] = [];
  const lock = observedLock(ctx.schema);
  const relay = new EventRelay({
    name: categories.join(','),
    categories,
    source: '/edict/relay-int',
    store: ctx.store,
    publisher,
    checkpoints: ctx.checkpoints,
    leaderLock: lock,
    logger: { info: () => undefined, warn: () => undefined, error: (fields, message) => void errors.push(`${message} ${JSON.stringify(fields)}`) },
    standbyRetryMs: 100,
    onPublished: (event) => void published.push(event),
    onPoison: (event, poison) => void poisoned.push({ position: event.position, code: poison.code }),
  });
  relay.start();
  cleanup.push(() => relay.stop());
  return { relay, published, errors, lock, poisoned };
}

const event = (type: string, data: Record<string, unknown>): NewEvent => ({ type, data: { ...data, at: AT }, metadata: { actor: 'relay-int' } });
const untilCheckpoint = (checkpoints: PostgresCheckpointStore, name: string, position: number): Promise<true> =>
  eventually(`the checkpoint of ${name} at ${position}`, async () => ((await checkpoints.load(`relay:${name}`)) === position ? true : undefined), 30_000);
/** The ids on a topic, in topic order, once the recorder has read everything written to it. */
const idsOn = async (topic: string): Promise<string[]> => {
  const written = await messageCount(brokers, topic);
  await eventually(`the recorder to read ${written} messages of ${topic}`, () => Promise.resolve(recorder.on(topic).length >= written ? true : undefined), 30_000);
  return recorder.on(topic).sort((a, b) => a.offset - b.offset).map((m) => m.headers['ce_id'] ?? '');
};

describe('EventRelay', () => {
  it('publishes every event of its categories, exactly once and in position order, and saves the checkpoint', async () => {
    const ctx = await freshStore();
    const before = [
      ...(await ctx.store.append('bundle-org/a', [event('BundleDrafted', { policyId: 'org/a', version: '1.0.0' }), event('BundleSubmitted', { policyId: 'org/a', version: '1.0.0' })], 'no_stream')).events,
      ...(await ctx.store.append('rollout-org/a', [event('RolloutStarted', { policyId: 'org/a' })], 'no_stream')).events,
      ...(await ctx.store.append('validation-org/a@1.0.0', [event('BundleValidated', { policyId: 'org/a', version: '1.0.0' })], 'no_stream')).events,
    ];
    const running = startRelay(['bundle', 'validation'], ctx);
    const after = [
      ...(await ctx.store.append('bundle-teams/alpha/b', [event('BundleDrafted', { policyId: 'teams/alpha/b', version: '0.1.0' })], 'no_stream')).events,
      ...(await ctx.store.append('incident-INC-1', [event('IncidentOpened', { incidentId: 'INC-1' })], 'no_stream')).events,
      ...(await ctx.store.append('bundle-org/a', [event('BundleArchived', { policyId: 'org/a', version: '1.0.0' })], 1)).events,
    ];
    const relayed = [...before, ...after].filter((e) => /^(bundle|validation)-/.test(e.streamId));
    const last = relayed[relayed.length - 1]!;

    await untilCheckpoint(ctx.checkpoints, 'bundle,validation', last.position);

    expect(running.published.map((e) => e.position)).toEqual(relayed.map((e) => e.position));
    expect(await idsOn(Topics.bundles)).toEqual(relayed.map((e) => e.eventId));
    const onTopic = recorder.on(Topics.bundles).sort((a, b) => a.offset - b.offset);
    expect(onTopic.map((m) => [m.key, m.headers['ce_position'], m.headers['ce_streamid']])).toEqual(relayed.map((e) => [(e.data as { policyId: string }).policyId, String(e.position), e.streamId]));
    expect(onTopic[0]?.headers).toMatchObject({ ce_type: 'io.edict.bundle.drafted.v1', ce_source: '/edict/relay-int', ce_actor: 'relay-int', ce_specversion: '1.0' });
    expect(running.errors).toEqual([]);
  }, 90_000);

  it('resumes from its checkpoint after a restart, without publishing anything twice', async () => {
    const ctx = await freshStore();
    const first = (await ctx.store.append('rollout-org/r', ['RolloutStarted', 'RolloutPromoted', 'RolloutPromoted'].map((t) => event(t, { policyId: 'org/r' })), 'no_stream')).events;
    const one = startRelay(['rollout'], ctx);
    await untilCheckpoint(ctx.checkpoints, 'rollout', first[2]!.position);
    await one.relay.stop();

    const second = (await ctx.store.append('rollout-org/r', ['RolloutPaused', 'RolloutResumed'].map((t) => event(t, { policyId: 'org/r' })), 2)).events;
    const two = startRelay(['rollout'], ctx);
    await untilCheckpoint(ctx.checkpoints, 'rollout', second[1]!.position);

    expect(one.published.map((e) => e.eventId)).toEqual(first.map((e) => e.eventId));
    expect(two.published.map((e) => e.eventId)).toEqual(second.map((e) => e.eventId));
    expect(await idsOn(Topics.rollouts)).toEqual([...first, ...second].map((e) => e.eventId));
    expect([...one.errors, ...two.errors]).toEqual([]);
  }, 90_000);

  it('keeps a second relay for the same categories on standby while the first leads, and lets it take over after the first stops', async () => {
    const ctx = await freshStore();
    const append = async (type: string, revision: number | 'no_stream'): Promise<StoredEvent> =>
      (await ctx.store.append('incident-INC-7', [event(type, { incidentId: 'INC-7' })], revision)).events[0]!;
    const leader = startRelay(['incident'], ctx);
    const opened = await append('IncidentOpened', 'no_stream');
    await untilCheckpoint(ctx.checkpoints, 'incident', opened.position);

    const standby = startRelay(['incident'], ctx);
    await eventually('the second relay to find the lease taken', () => Promise.resolve(standby.lock.outcomes.includes('standby') ? true : undefined));
    const requested = await append('RollbackRequested', 0);
    await untilCheckpoint(ctx.checkpoints, 'incident', requested.position);
    expect(leader.published.map((e) => e.eventId)).toEqual([opened.eventId, requested.eventId]);
    expect(standby.published).toEqual([]);
    expect(standby.lock.outcomes).not.toContain('leader');

    await leader.relay.stop();
    const acknowledged = await append('IncidentAcknowledged', 1);
    await untilCheckpoint(ctx.checkpoints, 'incident', acknowledged.position);

    expect(standby.lock.outcomes).toContain('leader');
    expect(standby.published.map((e) => e.eventId)).toEqual([acknowledged.eventId]);
    expect(await idsOn(Topics.incidents)).toEqual([opened, requested, acknowledged].map((e) => e.eventId));
    expect([...leader.errors, ...standby.errors]).toEqual([]);
  }, 90_000);

  it('dead-letters a poison event (edited behind the store, unknown type, no policy id) with its position, and relays the rest of the log', async () => {
    const ctx = await freshStore();
    const good = (await ctx.store.append('rollout-org/p', ['RolloutStarted', 'RolloutPromoted'].map((t) => event(t, { policyId: 'org/p' })), 'no_stream')).events;
    const unknown = (await ctx.store.append('rollout-org/p', [event('PolicyExploded', { policyId: 'org/p' })], 1)).events[0]!;
    const keyless = (await ctx.store.append('rollout-org/q', [event('RolloutPaused', { reason: 'no policy id' })], 'no_stream')).events[0]!;
    const later = (await ctx.store.append('rollout-org/p', [event('RolloutPaused', { policyId: 'org/p' })], 2)).events[0]!;
    // a superuser rewrites the second event with the triggers off: its stored hash no longer matches
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(`UPDATE "${ctx.schema}".events SET data = jsonb_set(data, '{policyId}', '"org/forged"') WHERE position = $1`, [good[1]!.position]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    const running = startRelay(['rollout'], ctx);
    await untilCheckpoint(ctx.checkpoints, 'rollout', later.position);

    expect(running.poisoned).toEqual([
      { position: good[1]!.position, code: 'RELAY.HASH_MISMATCH' },
      { position: unknown.position, code: 'RELAY.UNKNOWN_EVENT_TYPE' },
      { position: keyless.position, code: 'RELAY.MALFORMED_EVENT' },
    ]);
    // the rollouts topic is shared with another test of this file: look at this test's events only
    const ours = new Set([...good, unknown, keyless, later].map((e) => e.eventId));
    expect((await idsOn(Topics.rollouts)).filter((id) => ours.has(id))).toEqual([good[0]!.eventId, later.eventId]);
    const dead = dlqTopic(Topics.rollouts);
    await eventually('three dead letters', () => Promise.resolve(recorder.on(dead).length >= 3 ? true : undefined), 30_000);
    expect(recorder.on(dead).sort((a, b) => a.offset - b.offset).map((m) => [m.headers['edict_dlq_position'], m.headers['edict_dlq_error_code'], m.headers['edict_dlq_producer']])).toEqual([
      [String(good[1]!.position), 'RELAY.HASH_MISMATCH', 'relay:rollout'],
      [String(unknown.position), 'RELAY.UNKNOWN_EVENT_TYPE', 'relay:rollout'],
      [String(keyless.position), 'RELAY.MALFORMED_EVENT', 'relay:rollout'],
    ]);
  }, 90_000);
});
