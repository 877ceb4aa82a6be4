import { Pool } from 'pg';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';
import { databaseUrl, dropSchema, randomSchema } from './testing/postgres-test-schema';

const schema = randomSchema();
let pool: Pool;

beforeAll(() => {
  pool = new Pool({ connectionString: databaseUrl(), max: 2 });
});

afterAll(async () => {
  await pool.end();
  await dropSchema(schema);
});

describe('PostgresCheckpointStore', () => {
  it('given a fresh schema and an unknown name, then load returns 0', async () => {
    await expect(new PostgresCheckpointStore(pool, schema).load('relay:bundle')).resolves.toBe(0);
  });

  it('given saves under two names, then each name loads its own last position, from any instance', async () => {
    const checkpoints = new PostgresCheckpointStore(pool, schema);

    await checkpoints.save('relay:bundle', 10);
    await checkpoints.save('relay:rollout', 3);
    await checkpoints.save('relay:bundle', 12);

    const other = new PostgresCheckpointStore(pool, schema);
    await expect(other.load('relay:bundle')).resolves.toBe(12);
    await expect(other.load('relay:rollout')).resolves.toBe(3);
  });

  it('given a save that moves back, then it is kept (replays are allowed)', async () => {
    const checkpoints = new PostgresCheckpointStore(pool, schema);

    await checkpoints.save('relay:replay', 50);
    await checkpoints.save('relay:replay', 0);

    await expect(checkpoints.load('relay:replay')).resolves.toBe(0);
  });

  it('given a negative or fractional position, then save throws EVENT_STORE.INVALID_INPUT', async () => {
    const checkpoints = new PostgresCheckpointStore(pool, schema);

    await expect(checkpoints.save('relay:x', -1)).rejects.toMatchObject({ code: 'EVENT_STORE.INVALID_INPUT' });
    await expect(checkpoints.save('relay:x', 1.5)).rejects.toMatchObject({ code: 'EVENT_STORE.INVALID_INPUT' });
  });
});
