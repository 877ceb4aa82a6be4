import type { Clock } from '@edict/core';
import type { Pool } from 'pg';
import { chainEvents } from '../chain/chain-events';
import type { AppendResult, ExpectedRevision } from '../port/event-store.port';
import { checkExpectedRevision, nextRevision } from '../revision/expected-revision';
import type { PendingEvent } from '../validation/pending-event';
import { insertEvents } from './postgres-insert-events';
import type { PostgresSchemaNames } from './postgres-schema';
import { inTransaction } from './postgres-transaction';

export interface PostgresAppendContext {
  readonly pool: Pool;
  readonly names: PostgresSchemaNames;
  /** when absent, the database clock read under the head lock (so recordedAt never goes back) */
  readonly clock?: Clock;
}

/**
 * Appends under the log head's row lock. WHY a lock and not a sequence: a sequence hands out
 * numbers at insert time and never gives them back, so two transactions can commit in the
 * opposite order of their positions (a reader that already passed position 11 never sees 10
 * when it commits later) and a rollback leaves a hole. Here the one row of `log_head` is locked
 * FOR UPDATE before anything else and held until COMMIT: positions and hashes are assigned by
 * one transaction at a time, continuing from the committed head, so position order = commit
 * order, the log has no gaps, and the chain is linear. We chose the row over
 * pg_advisory_xact_lock because the row also carries the head's hash, is visible in pg_locks
 * against a named table, and cannot collide with another lock key. The price: appends (to any
 * stream) are serialised, so throughput is about one append per commit latency.
 */
export function appendToPostgres(
  { pool, names, clock }: PostgresAppendContext,
  streamId: string,
  events: readonly PendingEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  return inTransaction(pool, 'append', async (client) => {
    const { rows: heads } = await client.query<{ position: string; hash: string; now: Date }>(
      `SELECT position, hash, date_trunc('milliseconds', clock_timestamp()) AS now FROM ${names.head} WHERE id FOR UPDATE`,
    );
    const head = heads[0];
    if (!head) throw new Error(`${names.head} has no row: the schema was not migrated by this version`);
    // Read after the lock is granted: a new statement sees every append committed before us.
    const { rows: streams } = await client.query<{ revision: string | null }>(
      `SELECT max(revision) AS revision FROM ${names.events} WHERE stream_id = $1`,
      [streamId],
    );
    const current = streams[0]?.revision == null ? undefined : Number(streams[0].revision);
    checkExpectedRevision(streamId, expected, current);
    const chained = chainEvents({
      head: { position: Number(head.position), hash: head.hash },
      streamId,
      firstRevision: nextRevision(current),
      recordedAt: (clock?.now() ?? head.now).toISOString(),
      events,
    });
    const stored = await insertEvents(client, names, chained);
    const last = stored[stored.length - 1];
    if (!last) throw new Error('append inserted no rows');
    await client.query(`UPDATE ${names.head} SET position = $1, hash = $2 WHERE id`, [last.position, last.hash]);
    return { revision: last.revision, position: last.position, events: stored };
  });
}
