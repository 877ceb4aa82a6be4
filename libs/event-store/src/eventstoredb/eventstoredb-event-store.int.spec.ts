import { randomBytes } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { createEventStoreDbEventStore } from './create-eventstoredb-event-store';

// Runs only when EVENTSTORE_CONNECTION_STRING is set: jest.config.js leaves out paths containing
// "eventstoredb" otherwise. A log stream per file is this adapter's equivalent of a schema per file.
const logStream = `edict-test-log-${randomBytes(6).toString('hex')}`;

const connectionString = (): string => {
  const url = process.env.EVENTSTORE_CONNECTION_STRING;
  if (!url) throw new Error('EVENTSTORE_CONNECTION_STRING is not set (e.g. esdb://localhost:2113?tls=false)');
  return url;
};

describeEventStoreContract('eventstoredb', async () => {
  const store = await createEventStoreDbEventStore({ connectionString: connectionString(), logStream });
  return { store, cleanup: () => store.close() };
});

afterAll(async () => {
  // Streams cannot be dropped like a schema; soft-delete the test log so it stops showing up.
  const client = EventStoreDBClient.connectionString(connectionString());
  try {
    await client.deleteStream(logStream);
  } finally {
    await client.dispose();
  }
});
