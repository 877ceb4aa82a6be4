import { randomBytes } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { createEventStoreDbEventStore } from './create-eventstoredb-event-store';

// The contract suite against a real EventStoreDB / KurrentDB: EVENTSTORE_CONNECTION_STRING, or
// the container global setup starts when a Docker engine answers. Without a server the whole
// suite is reported as skipped, named with the reason, so a run's summary shows it did not run
// (the one skip the issue requires). A log stream per file is this adapter's schema per file.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING?.trim();
const logStream = `edict-test-log-${randomBytes(6).toString('hex')}`;

const describeWithServer = connectionString ? describe : describe.skip;
const title = connectionString
  ? 'EventStoreDB adapter against a server'
  : 'SKIPPED: the EventStoreDB contract suite did not run: EVENTSTORE_CONNECTION_STRING is not set and no Docker engine answered (no server)';

describeWithServer(title, () => {
  const url = connectionString ?? '';

  describeEventStoreContract('eventstoredb', async () => {
    const store = await createEventStoreDbEventStore({ connectionString: url, logStream });
    return { store, cleanup: () => store.close() };
  });

  afterAll(async () => {
    // Streams cannot be dropped like a schema; soft-delete the test log so it stops showing up.
    const client = EventStoreDBClient.connectionString(url);
    try {
      await client.deleteStream(logStream);
    } finally {
      await client.dispose();
    }
  });
});
