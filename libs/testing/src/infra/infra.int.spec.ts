import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { createTestDatabase } from './test-database';
import { createTopics } from './topics';
import { uniqueName } from './unique-name';

// Global setup (libs/testing/src/jest) provides these; a missing one is a harness bug.
const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the int project's global setup should have set it`);
  return value;
};

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('infrastructure provided to the int tier', () => {
  it('PostgreSQL answers SELECT 1 on DATABASE_URL', async () => {
    expect(await query<{ one: number }>(required('DATABASE_URL'), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('createTestDatabase gives a database of its own, and drop() removes it', async () => {
    const base = required('DATABASE_URL');
    const db = await createTestDatabase(base);
    expect(await query<{ name: string }>(db.url, 'SELECT current_database() AS name')).toEqual([{ name: db.name }]);
    await db.drop();
    expect(await query(base, `SELECT 1 FROM pg_database WHERE datname = '${db.name}'`)).toEqual([]);
  });

  it('Kafka carries a message through a fresh topic, producer to consumer', async () => {
    const brokers = required('KAFKA_BROKERS').split(',');
    const topic = uniqueName('infra-roundtrip');
    await createTopics(brokers, [topic]);
    const kafka = new Kafka({ clientId: 'infra-int-spec', brokers, logLevel: logLevel.WARN });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    const consumer = kafka.consumer({ groupId: uniqueName('infra-group') });
    try {
      await Promise.all([producer.connect(), consumer.connect()]);
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<{ key: string; value: string }>((resolve) => {
        void consumer.run({
          eachMessage: ({ message }) => {
            resolve({ key: String(message.key), value: String(message.value) });
            return Promise.resolve();
          },
        });
      });
      await producer.send({ topic, messages: [{ key: 'policy-1', value: 'hello' }] });
      expect(await received).toEqual({ key: 'policy-1', value: 'hello' });
    } finally {
      await Promise.all([producer.disconnect(), consumer.disconnect()]);
    }
  });

  it('OPA_PATH is a real opa binary', async () => {
    const { stdout } = await promisify(execFile)(required('OPA_PATH'), ['version']);
    expect(stdout).toMatch(/^Version: \d+\.\d+\.\d+/m);
  });
});
