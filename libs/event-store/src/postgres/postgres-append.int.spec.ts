import { fixedClock } from '@edict/core';
import { createPostgresEventStore } from './create-postgres-event-store';
import type { PostgresEventStore } from './postgres-event-store';
import { databaseUrl, dropSchema, randomSchema, withSqlClient } from './testing/postgres-test-schema';

const schema = randomSchema();
const open = (clock?: ReturnType<typeof fixedClock>): Promise<PostgresEventStore> =>
  createPostgresEventStore({ connectionString: databaseUrl(), schema, clock });
let store: PostgresEventStore;

beforeAll(async () => {
  store = await open();
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('appending to Postgres', () => {
  it('given an event id already stored, then append throws EVENT_STORE.DUPLICATE_EVENT_ID and writes nothing', async () => {
    const eventId = '3b8a3f3e-4a0e-4c55-9f1e-7f3f0e6f0a01';
    await store.append('policy-a', [{ eventId, type: 'PolicyDrafted', data: {} }], 'no_stream');

    const again = store.append('policy-b', [{ eventId, type: 'PolicyDrafted', data: {} }], 'no_stream');

    await expect(again).rejects.toMatchObject({ code: 'EVENT_STORE.DUPLICATE_EVENT_ID', status: 409 });
    await expect(store.readStream('policy-b')).resolves.toEqual([]);
  });

  it('given an injected clock, then recordedAt is its time', async () => {
    const clocked = await open(fixedClock('2030-05-06T07:08:09.123Z'));

    const { events } = await clocked.append('policy-clock', [{ type: 'PolicyDrafted', data: {} }], 'no_stream');
    await clocked.close();

    expect(events[0]!.recordedAt).toBe('2030-05-06T07:08:09.123Z');
  });

  it('given no clock, then recordedAt is the database time and never goes back along the log', async () => {
    const before = Date.now();

    await store.append('policy-time', [{ type: 'A', data: {} }], 'no_stream');
    await store.append('policy-time', [{ type: 'B', data: {} }], 0);

    const [a, b] = await store.readStream('policy-time');
    expect(Date.parse(a!.recordedAt)).toBeGreaterThanOrEqual(before - 5000);
    expect(b!.recordedAt >= a!.recordedAt).toBe(true);
  });

  it('given another transaction holds the log head, then an append waits for it instead of overtaking', async () => {
    let appended = false;
    await withSqlClient(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT * FROM "${schema}".log_head FOR UPDATE`);
      const append = store.append('policy-wait', [{ type: 'Waited', data: {} }], 'no_stream').then(() => (appended = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(appended).toBe(false);
      await client.query('COMMIT');
      await append;
    });

    expect(appended).toBe(true);
  });
});
