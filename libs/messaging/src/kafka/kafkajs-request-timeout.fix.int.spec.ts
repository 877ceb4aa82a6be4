import { createServer, type Server, type Socket } from 'node:net';
import { createTopics, uniqueName } from '@edict/testing';
import { createKafka } from './kafka-client.factory';

const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);

/** A TCP server that accepts connections and reads what is sent, but never answers. */
async function silentBroker(): Promise<{ address: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => resolve());
    }),
  };
}

/** The error and its causes, kafkajs's retrier wraps the last attempt's. */
function causes(error: unknown): string[] {
  const names: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { originalError?: unknown; cause?: unknown }).originalError ?? e.cause) {
    names.push(e.name);
  }
  return names;
}

describe('kafkajs with a timer per request in flight (createKafka)', () => {
  it('still times out a request to a broker that never answers', async () => {
    const silent = await silentBroker();
    const admin = createKafka(uniqueName('silent'), [silent.address], { requestTimeout: 300, retry: { retries: 0 } }).admin();
    try {
      const error = await admin.connect().then(() => undefined, (e: unknown) => e);
      expect(causes(error)).toContain('KafkaJSRequestTimeoutError');
    } finally {
      await admin.disconnect();
      await silent.close();
    }
  });

  it('still produces to a real broker, several requests in a row, and disconnects', async () => {
    const topic = uniqueName('request-timeout-fix');
    await createTopics(brokers, [topic], 1);
    const producer = createKafka(uniqueName('producer'), brokers).producer();
    await producer.connect();
    try {
      for (let i = 0; i < 3; i++) {
        const [sent] = await producer.send({ topic, messages: [{ key: `k${i}`, value: `v${i}` }] });
        expect(sent).toEqual(expect.objectContaining({ topicName: topic, errorCode: 0, baseOffset: String(i) }));
      }
    } finally {
      await producer.disconnect();
    }
  });
});
