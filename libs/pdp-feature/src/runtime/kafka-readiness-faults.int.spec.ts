import { logLevel, type Consumer } from 'kafkajs';
import { createKafka } from '@edict/messaging';
import { ReadinessRegistry } from '@edict/observability';
import { createTopics, eventually, startRestartableKafka, uniqueName, type FreezableKafka } from '@edict/testing';
import { KafkaReadiness } from './kafka-readiness';
import { kafkaReachable } from './pdp-event-consumer';

const FRESH_MS = 3000;

/**
 * The PDP's `kafka` readiness when the broker fails, on a private broker: frozen (a hung broker:
 * its connections stay open and nothing answers, so no error reaches the consumer) and killed.
 * Each time the check goes down within the fresh window (plus the registry's 2 s timeout on the
 * probe), and comes back up once the broker does. The readiness registry is the one `/readyz`
 * runs, with its per-check timeout.
 */
describe('KafkaReadiness when the broker hangs or dies', () => {
  let broker: FreezableKafka;
  let consumer: Consumer;
  const registry = new ReadinessRegistry();
  const kafkaStatus = async (): Promise<string> => (await registry.run()).checks['kafka']?.status ?? 'missing';
  const statusBecomes = (wanted: string, what: string) =>
    eventually(what, async () => ((await kafkaStatus()) === wanted ? wanted : undefined), 60_000, 500);

  beforeAll(async () => {
    broker = await startRestartableKafka();
    const kafka = createKafka(uniqueName('readiness-faults'), broker.value, { retry: { retries: 3, initialRetryTime: 200 }, connectionTimeout: 1000, requestTimeout: 5000, logLevel: logLevel.NOTHING });
    const topic = uniqueName('readiness-faults-topic');
    await createTopics(broker.value, [topic], 1);
    const readiness = new KafkaReadiness(() => kafkaReachable(kafka), FRESH_MS);
    registry.register('kafka', () => readiness.check());
    consumer = kafka.consumer({ groupId: uniqueName('readiness-faults-group'), maxWaitTimeInMs: 500, heartbeatInterval: 500, sessionTimeout: 10_000, rebalanceTimeout: 5000 });
    readiness.watch(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({ eachMessage: () => Promise.resolve() });
    await statusBecomes('up', 'kafka up at the start');
  }, 180_000);

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await broker?.stop();
  }, 60_000);

  it('goes down when the broker hangs, and up again when it answers', async () => {
    broker.freeze();
    try {
      await statusBecomes('timeout', 'kafka not ready while the broker is frozen');
    } finally {
      broker.thaw();
    }
    await statusBecomes('up', 'kafka ready once the broker answers again');
  }, 120_000);

  it('goes down when the broker dies, and up again when it is back', async () => {
    await broker.kill();
    await eventually('kafka not ready while the broker is down', async () => ((await kafkaStatus()) !== 'up' ? true : undefined), 60_000, 500);
    await broker.start();
    await statusBecomes('up', 'kafka ready once the broker is back');
  }, 180_000);
});
