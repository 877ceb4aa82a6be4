import { verifyChain } from '../chain/verify-chain';
import { createPostgresEventStore } from './create-postgres-event-store';
import type { PostgresEventStore } from './postgres-event-store';
import { databaseUrl, dropSchema, randomSchema, withSqlClient } from './testing/postgres-test-schema';

const schema = randomSchema();
let store: PostgresEventStore;

beforeAll(async () => {
  store = await createPostgresEventStore({ connectionString: databaseUrl(), schema });
  await store.append('bundle-1', [{ type: 'BundleDrafted', data: { version: '1.0.0' } }, { type: 'BundleSubmitted', data: {} }], 'no_stream');
  await store.append('bundle-2', [{ type: 'BundleDrafted', data: { version: '2.0.0' } }], 'no_stream');
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('the events table refuses changes (Postgres)', () => {
  it.each([
    ['UPDATE', `UPDATE "${schema}".events SET data = '{"version":"6.6.6"}' WHERE stream_id = 'bundle-1'`, /events are immutable; UPDATE on/],
    ['DELETE', `DELETE FROM "${schema}".events WHERE position = 2`, /events are immutable; DELETE on/],
    ['TRUNCATE', `TRUNCATE "${schema}".events`, /events are immutable; TRUNCATE on/],
    ['DELETE of everything', `DELETE FROM "${schema}".events`, /events are immutable; DELETE on/],
  ])('given a direct SQL %s, then the database refuses it and the data is unchanged', async (_op, sql, message) => {
    const before = await store.readAll({ after: 0 });

    const refusal = withSqlClient((client) => client.query(sql));

    await expect(refusal).rejects.toThrow(message);
    const after = await store.readAll({ after: 0 });
    expect(after).toEqual(before);
    expect(verifyChain(after)).toMatchObject({ ok: true, count: 3 });
  });

  it('given a direct INSERT that skips a position, then the database refuses it', async () => {
    const sql = `INSERT INTO "${schema}".events (position, stream_id, revision, event_id, type, data, metadata, recorded_at, previous_hash, hash)
      VALUES (9, 'bundle-9', 0, gen_random_uuid(), 'Forged', '{}', '{}', now(), repeat('a', 64), repeat('b', 64))`;

    await expect(withSqlClient((client) => client.query(sql))).rejects.toThrow(/position 9 would leave a gap in the global log/);
  });

  it('given a direct INSERT that does not link to the previous hash, then the database refuses it', async () => {
    const sql = `INSERT INTO "${schema}".events (position, stream_id, revision, event_id, type, data, metadata, recorded_at, previous_hash, hash)
      VALUES (4, 'bundle-9', 0, gen_random_uuid(), 'Forged', '{}', '{}', now(), repeat('a', 64), repeat('b', 64))`;

    await expect(withSqlClient((client) => client.query(sql))).rejects.toThrow(/does not link to the hash at position 3/);
  });

  it('given a direct INSERT that skips a stream revision, then the database refuses it', async () => {
    const sql = `INSERT INTO "${schema}".events (position, stream_id, revision, event_id, type, data, metadata, recorded_at, previous_hash, hash)
      SELECT 4, 'bundle-2', 5, gen_random_uuid(), 'Forged', '{}', '{}', now(), hash, repeat('b', 64)
        FROM "${schema}".events WHERE position = 3`;

    await expect(withSqlClient((client) => client.query(sql))).rejects.toThrow(/revision 5 of stream bundle-2 would leave a gap/);
  });
});
