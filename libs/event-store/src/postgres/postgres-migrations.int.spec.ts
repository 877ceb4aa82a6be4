import { Pool } from 'pg';
import { eventStoreMigrations } from './migrations/event-store.migrations';
import { migrateEventStore } from './postgres-migrator';
import { schemaNames } from './postgres-schema';
import { createPostgresEventStore } from './create-postgres-event-store';
import { databaseUrl, dropSchema, randomSchema, withSqlClient } from './testing/postgres-test-schema';

const schema = randomSchema();

afterAll(() => dropSchema(schema));

describe('migrations (Postgres)', () => {
  it('given several adapters starting on the same fresh schema at once, then all succeed and each migration runs once', async () => {
    const starting = Array.from({ length: 4 }, () => createPostgresEventStore({ connectionString: databaseUrl(), schema, poolSize: 2 }));

    const stores = await Promise.all(starting);

    try {
      await stores[0]!.append('policy-1', [{ type: 'PolicyDrafted', data: {} }], 'no_stream');
      await expect(stores[3]!.readStream('policy-1')).resolves.toHaveLength(1);
      const { rows } = await withSqlClient((client) =>
        client.query(`SELECT version FROM "${schema}".event_store_migrations ORDER BY version`),
      );
      expect(rows.map((r: { version: number }) => r.version)).toEqual(eventStoreMigrations.map((m) => m.version));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('given an already migrated schema, then migrating again applies nothing and keeps the data', async () => {
    const pool = new Pool({ connectionString: databaseUrl(), max: 1 });

    try {
      await expect(migrateEventStore(pool, schemaNames(schema))).resolves.toEqual([]);
    } finally {
      await pool.end();
    }
    const store = await createPostgresEventStore({ connectionString: databaseUrl(), schema });
    await expect(store.readStream('policy-1')).resolves.toHaveLength(1);
    await store.close();
  });

  it('given a schema name that is not a plain identifier, then the store refuses it', async () => {
    const creating = createPostgresEventStore({ connectionString: databaseUrl(), schema: 'x"; DROP TABLE y; --' });

    await expect(creating).rejects.toMatchObject({ code: 'EVENT_STORE.INVALID_INPUT' });
  });
});
