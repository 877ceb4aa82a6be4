import type { Pool, PoolClient } from 'pg';

const ignore = (): void => undefined;

/** How long a ROLLBACK may take: on a connection Postgres dropped it may never answer. */
const ROLLBACK_DEADLINE_MS = 2000;

const rollback = async (client: PoolClient): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.query('ROLLBACK').then(ignore, ignore),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ROLLBACK_DEADLINE_MS))),
  ]);
  clearTimeout(timer);
};

/**
 * Runs `work` in one transaction on a pooled connection: committed if it resolves, rolled back if
 * it throws. While checked out the client has an error listener: a connection Postgres drops
 * between two statements (a restart) must fail this transaction, not crash the process with an
 * unhandled 'error' event; a client that failed is destroyed rather than returned to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  client.on('error', ignore);
  let failed: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    // the error rethrown is the one that matters; a ROLLBACK on a dropped connection can hang,
    // and the client is destroyed below anyway (release with the error)
    await rollback(client);
    throw error;
  } finally {
    client.off('error', ignore);
    client.release(failed);
  }
}
