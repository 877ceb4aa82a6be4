import { logLevel, type Consumer } from 'kafkajs';
import { createKafka } from '@edict/messaging';
import { createTopics, eventually, uniqueName } from '@edict/testing';
import { KafkaReadiness } from './kafka-readiness';
import { kafkaReachable } from './pdp-event-consumer';

const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);

/**
 * The PDP's `kafka` readiness on a real broker and a real kafkajs consumer: fresh from the
 * consumer's own held fetches (no probe of its own), a probe once the consumer went quiet, and a
 * failure when the cluster cannot be reached.
 */
describe('KafkaReadiness on a real broker', () => {
  const kafka = createKafka(uniqueName('readiness-int'), brokers);
  const topic = uniqueName('readiness-int-topic');
  let consumer: Consumer;
  let probes = 0;
  const readiness = new KafkaReadiness(() => {
    probes++;
    return kafkaReachable(kafka);
  }, 1500);

  beforeAll(async () => {
    await createTopics(brokers, [topic], 1);
    consumer = kafka.consumer({ groupId: uniqueName('readiness-int-group'), maxWaitTimeInMs: 300, heartbeatInterval: 300, sessionTimeout: 10_000, rebalanceTimeout: 5000 });
    const answered = new Promise<void>((resolve) => consumer.on(consumer.events.FETCH, () => resolve()));
    readiness.watch(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({ eachMessage: () => Promise.resolve() });
    await answered;
  }, 60_000);

  afterAll(async () => {
    await consumer?.disconnect();
  });

  it('passes on the consumer\'s own answers, without asking the cluster', async () => {
    for (let i = 0; i < 5; i++) await readiness.check();
    expect(probes).toBe(0);
  });

  it('asks the cluster once the consumer has stopped talking to it, and passes while the cluster answers', async () => {
    await consumer.stop();
    await eventually('a probe of its own', async () => {
      await readiness.check();
      return probes > 0 ? probes : undefined;
    }, 20_000);
  });

  it('fails when the cluster cannot be reached', async () => {
    const nowhere = createKafka(uniqueName('readiness-int-down'), ['127.0.0.1:1'], { retry: { retries: 0 }, connectionTimeout: 300, logLevel: logLevel.NOTHING });
    const down = new KafkaReadiness(() => kafkaReachable(nowhere), 1500);
    await expect(down.check()).rejects.toThrow();
  });
});
