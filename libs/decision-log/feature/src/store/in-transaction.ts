import type { Pool, PoolClient } from 'pg';

const ignore = (): void => undefined;

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
    await client.query('ROLLBACK').catch(ignore); // the error rethrown is the one that matters
    throw error;
  } finally {
    client.off('error', ignore);
    client.release(failed);
  }
}
