import type { Pool } from 'pg';
import type { DecisionLogged } from '@edict/contracts';
import { advanceOffsetSql, ensureOffsetSql, lockOffsetSql, readOffsetSql } from './consumer-offsets.sql';
import { addWindowCounts, advancePartition, type StoredBatch } from './decision-batch.store';
import { inTransaction } from './in-transaction';

type Decision = DecisionLogged['data'];

/** A partition of a consumer group: where the windows-only mode keeps its offsets. */
export interface OffsetOrigin {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
}

/** A decision with the offset of the message it came in. */
export interface OffsetDecision {
  readonly decision: Decision;
  readonly offset: number;
}

/** The partition's next offset not yet counted (0 when nothing was counted from it yet). */
export async function countedUpTo(pool: Pool, schema: string, origin: OffsetOrigin): Promise<number> {
  const { rows } = await pool.query<{ next_offset: string }>(readOffsetSql(schema), [origin.group, origin.topic, origin.partition]);
  return Number(rows[0]?.next_offset ?? 0);
}

/**
 * The windows-only mode's batch, in one transaction: the partition's offset row locked, the
 * decisions at or past its next offset counted into their windows (`count = count + delta`, late
 * ones amending closed windows as in storeDecisionBatch), the partition's position for the
 * watermark, and the next offset moved to `nextOffset`. No decision row is written. Either all of
 * it is durable or none: a redelivered batch finds its offsets counted and adds nothing.
 * `stored` is the number of decisions counted.
 */
export async function countDecisionBatch(pool: Pool, schema: string, windowLengthMs: number, decisions: readonly OffsetDecision[], origin: OffsetOrigin, nextOffset: number): Promise<StoredBatch> {
  return inTransaction(pool, async (client) => {
    const key = [origin.group, origin.topic, origin.partition];
    await client.query(ensureOffsetSql(schema), key);
    const { rows } = await client.query<{ next_offset: string }>(lockOffsetSql(schema), key);
    const from = Number(rows[0]?.next_offset ?? 0);
    const fresh = decisions.filter((d) => d.offset >= from).map((d) => d.decision);
    const late = fresh.length > 0 ? await addWindowCounts(client, schema, fresh, windowLengthMs) : 0;
    await advancePartition(client, schema, fresh, origin);
    if (nextOffset > from) await client.query(advanceOffsetSql(schema), [...key, nextOffset]);
    return { stored: fresh.length, late };
  });
}
