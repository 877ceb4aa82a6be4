import { PostgresLeaderLock } from './postgres-leader-lock';
import { databaseUrl, randomSchema, withSqlClient } from './testing/postgres-test-schema';

// Locks are per database; the random "schema" namespaces this file's lock names.
const schema = randomSchema();
const locks: PostgresLeaderLock[] = [];
const aLock = (): PostgresLeaderLock => {
  const lock = new PostgresLeaderLock(databaseUrl(), { schema, heartbeatMs: 200 });
  locks.push(lock);
  return lock;
};

afterEach(async () => {
  await Promise.all(locks.splice(0).map((l) => l.close()));
});

describe('PostgresLeaderLock', () => {
  it('given a held lease, then a second tryAcquire gets null until it is released', async () => {
    const [first, second] = [aLock(), aLock()];

    const lease = await first.tryAcquire('relay:bundle');
    await expect(second.tryAcquire('relay:bundle')).resolves.toBeNull();
    await expect(first.tryAcquire('relay:bundle')).resolves.toBeNull();
    await lease!.release();
    const next = await second.tryAcquire('relay:bundle');

    expect(lease).not.toBeNull();
    expect(next).not.toBeNull();
  });

  it('given different names, then their leases are independent', async () => {
    const [a, b] = [aLock(), aLock()];

    await expect(a.tryAcquire('relay:bundle')).resolves.not.toBeNull();
    await expect(b.tryAcquire('relay:rollout')).resolves.not.toBeNull();
  });

  it('given the same name in another namespace, then it is a different lock', async () => {
    const other = new PostgresLeaderLock(databaseUrl(), { schema: randomSchema() });
    locks.push(other);

    await expect(aLock().tryAcquire('relay:bundle')).resolves.not.toBeNull();
    await expect(other.tryAcquire('relay:bundle')).resolves.not.toBeNull();
  });

  it('given the leader connection is killed, then lost resolves and another process can lead', async () => {
    const name = `relay:killed-${schema.slice(-6)}`;
    const lease = await aLock().tryAcquire(name);

    await withSqlClient((client) =>
      client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [`edict-leader:${name}`]),
    );

    await expect(lease!.lost).resolves.toBeUndefined();
    await expect(aLock().tryAcquire(name)).resolves.not.toBeNull();
  });

  it('given a release, then lost does not resolve', async () => {
    const lease = await aLock().tryAcquire('relay:released');

    await lease!.release();
    const lost = await Promise.race([lease!.lost.then(() => 'lost'), new Promise((r) => setTimeout(() => r('pending'), 300))]);

    expect(lost).toBe('pending');
  });
});
