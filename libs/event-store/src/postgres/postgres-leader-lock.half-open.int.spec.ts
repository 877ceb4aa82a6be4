import { connect, createServer, type Server, type Socket } from 'node:net';
import { PostgresLeaderLease } from './postgres-leader-lease';
import { PostgresLeaderLock } from './postgres-leader-lock';
import { databaseUrl, randomSchema, withSqlClient } from './testing/postgres-test-schema';

/**
 * A TCP proxy between a leader and Postgres that can be paused: it stops forwarding bytes in
 * both directions and keeps every socket open, so neither side sees an error or a close (not
 * even the leader's own close once it gives up) — the half-open connection of a network
 * partition, unlike pg_terminate_backend.
 */
async function pausableProxy(target: URL): Promise<{ url: string; pause: () => void; close: () => Promise<void> }> {
  let paused = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from);
      from.on('data', (chunk) => {
        if (!paused) to.write(chunk); // paused: swallowed, the sender never learns
      });
      // paused, a close does not travel either: Postgres keeps the session (and the lock) until it times out
      from.on('error', () => paused || to.destroy());
      from.on('close', () => paused || to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target.href);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.href,
    pause: () => void (paused = true),
    close: () => new Promise<void>((resolve) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => resolve());
    }),
  };
}

describe('PostgresLeaderLock on a connection that stops answering', () => {
  const schema = randomSchema('lease_half_open');
  const timing = { schema, heartbeatMs: 200, renewalDeadlineMs: 600, serverIdleTimeoutMs: 2000 };

  it('given the leader behind a proxy that goes silent, then the leader steps down within its renewal deadline and a standby takes over', async () => {
    const proxy = await pausableProxy(new URL(databaseUrl()));
    const leaderLock = new PostgresLeaderLock(proxy.url, timing);
    const standbyLock = new PostgresLeaderLock(databaseUrl(), timing);
    const name = `relay:half-open-${schema.slice(-6)}`;
    try {
      const lease = await leaderLock.tryAcquire(name);
      expect(lease).not.toBeNull();
      await expect(standbyLock.tryAcquire(name)).resolves.toBeNull();

      proxy.pause();

      await expect(lease!.lost).resolves.toBeUndefined(); // the step-down: relays and window closers stop on this
      expect(lease).toBeInstanceOf(PostgresLeaderLease);
      expect(lease instanceof PostgresLeaderLease ? lease.lostReason : undefined).toMatch(/renewal did not complete within 600 ms/);
      const takeover = await (async () => {
        // the standby's usual loop: try, stand by, try again (Postgres ends the silent session after 2 s)
        for (;;) {
          const next = await standbyLock.tryAcquire(name);
          if (next) return next;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      expect(takeover).not.toBeNull();
      const holders = await withSqlClient((client) =>
        client.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND state IS NOT NULL", [`edict-leader:${name}`]),
      );
      expect(Number(holders.rows[0]?.n)).toBe(1); // the silent session is gone, only the new leader's remains
    } finally {
      await standbyLock.close();
      await leaderLock.close();
      await proxy.close();
    }
  }, 30_000);

  it('refuses an idle timeout that would free the lock before the old leader stepped down', () => {
    expect(() => new PostgresLeaderLock(databaseUrl(), { heartbeatMs: 2000, renewalDeadlineMs: 3000, serverIdleTimeoutMs: 4000 })).toThrow(/serverIdleTimeoutMs/);
  });
});
