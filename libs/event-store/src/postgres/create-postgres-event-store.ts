import { PostgresEventStore } from './postgres-event-store';
import type { PostgresEventStoreOptions } from './postgres-event-store.options';

/**
 * A started PostgresEventStore: its schema is migrated when the promise resolves. Closes the
 * store's connections again if migrating fails.
 */
export async function createPostgresEventStore(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
  const store = new PostgresEventStore(options);
  try {
    await store.start();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
