import { SubscriptionCollector } from '../contract/subscription-collector';
import { createPostgresEventStore } from './create-postgres-event-store';
import { notifierApplicationName } from './postgres-notifier';
import type { PostgresEventStore } from './postgres-event-store';
import { databaseUrl, dropSchema, randomSchema, withSqlClient } from './testing/postgres-test-schema';

const schema = randomSchema();
let store: PostgresEventStore;

beforeAll(async () => {
  // A poll interval far longer than the test: only NOTIFY can deliver in time.
  store = await createPostgresEventStore({ connectionString: databaseUrl(), schema, pollIntervalMs: 60_000 });
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

/** Terminates this store's LISTEN connection; returns how many backends were terminated. */
const killListener = (): Promise<number> =>
  withSqlClient(async (client) => {
    const { rowCount } = await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
      notifierApplicationName(schema),
    ]);
    return rowCount ?? 0;
  });

describe('Postgres subscriptions', () => {
  it('given a caught-up subscriber, then a NOTIFY wakes it without waiting for the poll interval', async () => {
    const collector = new SubscriptionCollector(store, { after: 0, categories: ['notify'] });
    await new Promise((resolve) => setTimeout(resolve, 300));

    await store.append('notify-1', [{ type: 'Woken', data: {} }], 'no_stream');

    await collector.waitFor(1, 5000);
    await collector.stop();
  });

  it('given the LISTEN connection is killed, then the notifier reconnects and delivery goes on', async () => {
    const collector = new SubscriptionCollector(store, { after: 0, categories: ['relisten'] });
    await new Promise((resolve) => setTimeout(resolve, 300));

    await expect(killListener()).resolves.toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await store.append('relisten-1', [{ type: 'AfterReconnect', data: {} }], 'no_stream');

    await collector.waitFor(1, 10_000);
    await collector.stop();
  });
});
