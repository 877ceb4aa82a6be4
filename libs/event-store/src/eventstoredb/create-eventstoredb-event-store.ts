import { EventStoreDbEventStore } from './eventstoredb-event-store';
import type { EventStoreDbEventStoreOptions } from './eventstoredb-event-store.options';

/**
 * An EventStoreDB-backed store, checked with a ping so that a wrong URL fails here rather than
 * on the first append. Unverified until a server URL is configured (docs/event-store.md).
 */
export async function createEventStoreDbEventStore(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
  const store = new EventStoreDbEventStore(options);
  try {
    await store.ping();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
