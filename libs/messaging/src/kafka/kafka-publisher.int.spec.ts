// First: a topic namespace for this file, set before @edict/contracts is loaded (see the fixture).
import { TEST_TOPIC_PREFIX } from '../__fixtures__/topic-prefix.fixture';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { CloudEvent } from 'cloudevents';
import { ReadinessRegistry } from '@edict/observability';
import { createTopics, eventually, uniqueName } from '@edict/testing';
import { TopicRecorder } from '../__fixtures__/topic-recorder';
import { createKafka } from './kafka-client.factory';
import { KafkaPublisher } from './kafka-publisher';

const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const [brokerHost, brokerPort] = (brokers[0] ?? '').split(':');

/** A TCP front for the broker that refuses (closes at once) until opened, then forwards. */
async function gate(): Promise<{ address: string; open: () => void; close: () => Promise<void> }> {
  let open = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    if (!open) return void client.destroy();
    const upstream = connect(Number(brokerPort), brokerHost);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => [client, upstream].forEach((s) => s.destroy());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    open: () => void (open = true),
    close: () => new Promise<void>((resolve) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => resolve());
    }),
  };
}

const event = (id: string) => new CloudEvent({ id, type: 'io.edict.test.v1', source: '/edict/test', data: { id }, partitionkey: id }, false);

describe('KafkaPublisher against a broker that is unreachable at start', () => {
  const topic = `${TEST_TOPIC_PREFIX}publisher-${uniqueName('t')}`;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    await createTopics(brokers, [topic], 1);
    recorder = await new TopicRecorder(brokers).start([topic]);
  }, 60_000);
  afterAll(async () => {
    await recorder?.stop();
  });

  it('fails the first send, is not ready, then connects on a later use, sends and is ready: a failed connect is never cached', async () => {
    const front = await gate();
    const kafka = createKafka(uniqueName('publisher-int'), [front.address], { retry: { retries: 1, initialRetryTime: 50 }, connectionTimeout: 1000 });
    const publisher = new KafkaPublisher(kafka, { initialBackoffMs: 2000, maxBackoffMs: 2000, connectTimeoutMs: 5000 });
    const readiness = new ReadinessRegistry();
    readiness.register('kafka-publisher', () => publisher.ready(), { timeoutMs: 6000 });
    try {
      await expect(publisher.publish(topic, [event('first')])).rejects.toMatchObject({ code: 'MESSAGING.PUBLISH_FAILED', retriable: true });
      // during the backoff the next use fails at once, without a new connect
      await expect(publisher.publish(topic, [event('too-soon')])).rejects.toMatchObject({ code: 'MESSAGING.PUBLISH_FAILED', message: expect.stringContaining('next attempt in') });
      expect(await readiness.run()).toMatchObject({ ready: false, checks: { 'kafka-publisher': { status: 'down' } } });

      front.open();
      await eventually('a later send goes through', () => publisher.publish(topic, [event('later')]).then(() => true), 20_000, 150);

      expect(await readiness.run()).toMatchObject({ ready: true, checks: { 'kafka-publisher': { status: 'up' } } });
      await eventually('the message is on the topic', () => Promise.resolve(recorder.on(topic).some((m) => m.key === 'later') || undefined), 20_000);
      expect(recorder.on(topic).map((m) => m.key)).toEqual(['later']);
    } finally {
      await publisher.disconnect();
      await front.close();
    }
  }, 60_000);

  it('tells a message the broker refuses (too large) from a broker that cannot be reached, and stays ready', async () => {
    const publisher = new KafkaPublisher(createKafka(uniqueName('publisher-int'), brokers));
    try {
      const huge = { key: 'huge', value: 'x'.repeat(2 * 1024 * 1024), headers: {} };
      await expect(publisher.sendRaw(topic, [huge])).rejects.toMatchObject({ code: 'MESSAGING.MESSAGE_REJECTED', retriable: false });
      await expect(publisher.ready()).resolves.toBeUndefined();
      await publisher.sendRaw(topic, [{ key: 'small', value: 'ok', headers: {} }]);
      await eventually('the small message is on the topic', () => Promise.resolve(recorder.on(topic).some((m) => m.key === 'small') || undefined), 20_000);
    } finally {
      await publisher.disconnect();
    }
  }, 60_000);
});
