import { createEventStoreDbEventStore } from '../eventstoredb/create-eventstoredb-event-store';
import { createPostgresEventStore } from '../postgres/create-postgres-event-store';
import type { PostgresEventStoreOptions } from '../postgres/postgres-event-store.options';
import type { EventStore } from '../port/event-store.port';
import type { EventStoreSelection } from './event-store-selection';

/**
 * The event store a service runs on: Postgres (the default) or the EventStoreDB adapter, which
 * has never run against a server (docs/event-store.md). With EventStoreDB the Postgres schema is
 * still migrated first: relay checkpoints, leader leases and processed-event ids live there.
 */
export async function createSelectedEventStore(selection: EventStoreSelection, postgres: PostgresEventStoreOptions): Promise<EventStore> {
  const postgresStore = await createPostgresEventStore(postgres);
  if (selection.kind === 'postgres') return postgresStore;
  await postgresStore.close();
  return createEventStoreDbEventStore({ connectionString: selection.connectionString });
}
