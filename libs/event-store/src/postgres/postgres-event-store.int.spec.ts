import { describeEventStoreContract } from '../contract/event-store.contract';
import { createPostgresEventStore } from './create-postgres-event-store';
import { databaseUrl, dropSchema, randomSchema } from './testing/postgres-test-schema';

const schema = randomSchema();

describeEventStoreContract('postgres', async () => {
  // A short poll interval keeps the cases fast; NOTIFY normally wakes subscribers first anyway.
  const store = await createPostgresEventStore({ connectionString: databaseUrl(), schema, poolSize: 4, pollIntervalMs: 250 });
  return { store, cleanup: () => store.close() };
});

afterAll(() => dropSchema(schema));
