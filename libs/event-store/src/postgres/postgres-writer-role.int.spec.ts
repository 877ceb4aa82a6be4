import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';
import { computeEventHash } from '../chain/hash-chain';
import { verifyChain } from '../chain/verify-chain';
import { createPostgresEventStore } from './create-postgres-event-store';
import { WRITER_ROLE } from './migrations/007-writer-role.migration';
import type { PostgresEventStore } from './postgres-event-store';
import { databaseUrl, dropSchema, randomSchema, withSqlClient } from './testing/postgres-test-schema';

const schema = randomSchema();
const login = `es_writer_${randomBytes(4).toString('hex')}`;
const asWriter = (): string => {
  const url = new URL(databaseUrl());
  url.username = login;
  url.password = 'writer';
  return url.toString();
};
let owner: PostgresEventStore;
let writer: PostgresEventStore;

async function asWriterSql<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: asWriter() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  owner = await createPostgresEventStore({ connectionString: databaseUrl(), schema });
  await withSqlClient((c) => c.query(`CREATE ROLE ${escapeIdentifier(login)} LOGIN PASSWORD 'writer' IN ROLE ${WRITER_ROLE}`));
  writer = await createPostgresEventStore({ connectionString: asWriter(), schema });
  await writer.append('rollout-org', [{ type: 'RolloutStarted', data: { version: '1.0.0' } }], 'no_stream');
});

afterAll(async () => {
  await writer.close();
  await owner.close();
  await dropSchema(schema);
  await withSqlClient((c) => c.query(`DROP ROLE IF EXISTS ${escapeIdentifier(login)}`));
});

const forgedInsert = (head: { position: number; hash: string }, withCanonical: boolean): { sql: string; hash: string } => {
  const event = {
    eventId: '7d1c6f1e-4a0e-4c55-9f1e-7f3f0e6f0a77',
    streamId: 'rollout-org',
    revision: 1,
    position: head.position + 1,
    type: 'PolicyDisabled',
    data: { forged: true },
    metadata: {},
    recordedAt: '2030-01-01T00:00:00.000Z',
  };
  const forgedHash = computeEventHash(head.hash, { ...event, data: { innocent: true } });
  const canonical = withCanonical ? `'${JSON.stringify({ ...event })}'` : 'NULL';
  const sql = `INSERT INTO "${schema}".events (position, stream_id, revision, event_id, type, data, metadata, recorded_at, previous_hash, hash, canonical)
    VALUES (${event.position}, 'rollout-org', 1, '${event.eventId}', 'PolicyDisabled', '{"forged":true}', '{}',
            '2030-01-01T00:00:00.000Z', '${head.hash}', '${forgedHash}', ${canonical}) RETURNING hash`;
  return { sql, hash: forgedHash };
};

describe('the services role (edict_writer) and database-computed hashes', () => {
  it('given the writer role, then the store migrates (nothing to apply), appends and reads, and the chain verifies', async () => {
    const all = await writer.readAll({ after: 0 });
    expect(all).toHaveLength(1);
    expect(verifyChain(all)).toMatchObject({ ok: true, count: 1 });
  });

  it('given a direct INSERT with a client-chosen hash and no canonical text, then the database refuses it', async () => {
    const [head] = await owner.readAll({ after: 0 });
    const { sql } = forgedInsert(head!, false);

    await expect(asWriterSql((c) => c.query(sql))).rejects.toThrow(/has no canonical text; the database computes every hash/);
    await expect(owner.readAll({ after: 0 })).resolves.toHaveLength(1);
  });

  it('given a direct INSERT whose canonical text does not describe the row, then the database refuses it', async () => {
    const [head] = await owner.readAll({ after: 0 });
    const { sql } = forgedInsert(head!, true);
    const lying = sql.replace(`'{"forged":true}'`, `'{"forged":false}'`);

    await expect(asWriterSql((c) => c.query(lying))).rejects.toThrow(/does not describe the row/);
  });

  it('given a direct INSERT with a forged hash, then the stored hash is the database one, not the forger\'s', async () => {
    const [head] = await owner.readAll({ after: 0 });
    const { sql, hash } = forgedInsert(head!, true);

    const stored = await asWriterSql((c) => c.query<{ hash: string }>(`BEGIN; ${sql}; ROLLBACK`));

    const returned = (stored as unknown as { rows: { hash: string }[] }[])[1]!.rows[0]!.hash;
    expect(returned).not.toBe(hash);
    expect(returned).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['UPDATE', `UPDATE "${schema}".events SET data = '{}'`],
    ['DELETE', `DELETE FROM "${schema}".events`],
    ['TRUNCATE', `TRUNCATE "${schema}".events`],
    ['DISABLE TRIGGER', `ALTER TABLE "${schema}".events DISABLE TRIGGER USER`],
    ['DROP TRIGGER', `DROP TRIGGER events_guard_append ON "${schema}".events`],
    ['session_replication_role', `SET session_replication_role = replica`],
  ])('given the writer role, then %s is refused by privileges', async (_what, sql) => {
    await expect(asWriterSql((c) => c.query(sql))).rejects.toThrow(/permission denied|must be owner|must be superuser/);
  });
});
