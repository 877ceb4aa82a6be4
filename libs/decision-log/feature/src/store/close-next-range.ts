import type { Pool, PoolClient } from 'pg';
import { nextCloseRange, type CloseRange } from '../windows/window-schedule';
import { closeWindowsSql } from './close-windows.sql';
import { WINDOWS_CHECKPOINT } from './decision-log.schema';

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined); // the error rethrown below is the one that matters
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Closes the next range of windows ending at or before `upToMs` (see nextCloseRange) in one
 * transaction: the checkpoint row locked FOR UPDATE (ingest waits on it, see
 * DecisionLogRepository.store), the windows inserted unpublished, the checkpoint moved. Returns
 * the range and how many windows it closed, or null when there was nothing to close.
 */
export const closeNextRange = (pool: Pool, schema: string, upToMs: number, lengthMs: number, maxWindows: number): Promise<{ range: CloseRange; windows: number } | null> =>
  inTransaction(pool, async (client) => {
    const { rows: [checkpoint] } = await client.query<{ closed_through: Date | null }>(
      `SELECT closed_through FROM "${schema}".decision_log_checkpoints WHERE name = $1 FOR UPDATE`, [WINDOWS_CHECKPOINT]);
    const closedThroughMs = checkpoint?.closed_through?.getTime() ?? null;
    const oldest = closedThroughMs === null
      ? (await client.query<{ at: Date | null }>(`SELECT min(decided_at) AS at FROM "${schema}".decisions`)).rows[0]?.at ?? null
      : null;
    const range = nextCloseRange({ closedThroughMs, oldestDecisionMs: oldest?.getTime() ?? null, upToMs, lengthMs, maxWindows });
    if (!range) return null;
    const { rowCount } = await client.query(closeWindowsSql(schema), [new Date(range.from), new Date(range.to), lengthMs]);
    await client.query(`UPDATE "${schema}".decision_log_checkpoints SET closed_through = $2, updated_at = now() WHERE name = $1`, [WINDOWS_CHECKPOINT, new Date(range.to)]);
    return { range, windows: rowCount ?? 0 };
  });
