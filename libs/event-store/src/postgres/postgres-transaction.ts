import type { Pool, PoolClient } from 'pg';
import { mapPgError } from './postgres-errors';

/** Rolls back; returns an error to destroy the connection with when even that failed. */
async function rollback(client: PoolClient, cause: unknown): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch {
    // The connection is unusable (the original error, which is what gets thrown, says why):
    // hand it back to the pool as broken so that it is closed rather than reused.
    return cause instanceof Error ? cause : new Error(String(cause));
  }
}

/**
 * Runs `work` in a transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it
 * throws. Errors come out through mapPgError (unreachable → UnavailableError…).
 */
export async function inTransaction<T>(pool: Pool, operation: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect().catch((error: unknown) => {
    throw mapPgError(error, operation);
  });
  let broken: Error | undefined;
  try {
    // Explicit: the append's lock-then-read relies on READ COMMITTED (each statement sees the
    // latest commits), whatever default_transaction_isolation the server has.
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = await rollback(client, error);
    throw mapPgError(error, operation);
  } finally {
    client.release(broken);
  }
}

/** One query on the pool with the store's error mapping. */
export async function query<R extends object>(pool: Pool, operation: string, sql: string, values?: unknown[]): Promise<R[]> {
  try {
    const result = await pool.query<R>(sql, values);
    return result.rows;
  } catch (error) {
    throw mapPgError(error, operation);
  }
}
