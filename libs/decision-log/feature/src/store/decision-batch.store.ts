import type { Pool, PoolClient } from 'pg';
import type { DecisionLogged } from '@edict/contracts';
import { windowDeltas } from '@edict/decision-log-domain';
import { inTransaction } from './in-transaction';
import { addWindowCountsSql, advancePartitionSql, insertDecisionsSql, insertNewDecisionsSql } from './store-batch.sql';

type Decision = DecisionLogged['data'];

/** Where a batch came from: its partition's position moves in the same transaction. */
export interface BatchOrigin {
  readonly topic: string;
  readonly partition: number;
}

/** What storing a batch did: decisions new to the log, and counts added to windows already closed. */
export interface StoredBatch {
  readonly stored: number;
  readonly late: number;
}

const columns = (ds: readonly Decision[], texts: readonly string[] | undefined): unknown[] => [
  ds.map((d) => d.decisionId), ds.map((d) => d.timestamp), ds.map((d) => d.policyId), ds.map((d) => d.version), ds.map((d) => d.subject),
  ds.map((d) => d.result.effect), ds.map((d) => d.result.rule), ds.map((d) => d.result.noMatch), ds.map((d) => d.result.error?.code ?? null),
  ds.map((d) => d.bundles.some((b) => b.canary)), ds.map((d) => Math.round(d.evaluationNs)), ds.map((d) => (d.source === 'opa' ? 'opa' : 'pdp')),
  // one JSON array, unpacked by position in SQL (see store-batch.sql.ts); the decisions' own texts when the caller has them
  texts && texts.length === ds.length ? `[${texts.join(',')}]` : JSON.stringify(ds),
];

/** Whether a pg error is a unique violation (SQLSTATE 23505): a decision of the batch is stored already. */
const isUniqueViolation = (error: unknown): boolean => error instanceof Error && 'code' in error && error.code === '23505';

/**
 * Stores a batch of masked decisions in one transaction: the decisions not stored yet, the window
 * counts of exactly those (aggregated in memory, upserted `count = count + delta`), and the
 * partition's position (the newest timestamp in the batch). Either all of it is durable or none:
 * a redelivered batch adds nothing. No lock is shared with the closer beyond the window rows
 * themselves. First as if every decision were new (a plain multi-row insert: all of them count);
 * when one is stored already (a redelivery, a duplicate in the batch), that transaction fails as
 * a whole and the batch is stored again with ON CONFLICT DO NOTHING, RETURNING the new ids.
 * `texts`, when given, are the decisions' JSON texts, stored as they are (one per decision, in order).
 */
export async function storeDecisionBatch(pool: Pool, schema: string, windowLengthMs: number, decisions: readonly Decision[], origin: BatchOrigin | null, texts?: readonly string[]): Promise<StoredBatch> {
  if (decisions.length > 0) {
    try {
      return await storeOnce(pool, schema, windowLengthMs, decisions, origin, texts, 'all-new');
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return storeOnce(pool, schema, windowLengthMs, decisions, origin, texts, 'dedupe');
}

async function storeOnce(pool: Pool, schema: string, windowLengthMs: number, decisions: readonly Decision[], origin: BatchOrigin | null, texts: readonly string[] | undefined, mode: 'all-new' | 'dedupe'): Promise<StoredBatch> {
  return inTransaction(pool, async (client) => {
    let stored = 0;
    let late = 0;
    if (decisions.length > 0 && mode === 'all-new') {
      await client.query(insertNewDecisionsSql(schema), columns(decisions, texts));
      stored = decisions.length;
      late = await addWindowCounts(client, schema, decisions, windowLengthMs);
    } else if (decisions.length > 0) {
      const { rows } = await client.query<{ decision_id: string }>(insertDecisionsSql(schema), columns(decisions, texts));
      stored = rows.length;
      const inserted = new Set(rows.map((r) => r.decision_id));
      late = await addWindowCounts(client, schema, stored === decisions.length ? decisions : decisions.filter((d) => inserted.has(d.decisionId)), windowLengthMs);
    }
    if (origin) await advancePartition(client, schema, decisions, origin);
    return { stored, late };
  });
}

/**
 * Adds the decisions' counts to their windows (aggregated in memory, upserted `count = count + delta`);
 * returns how many of them went to windows already closed (late: the closer amends those).
 */
export async function addWindowCounts(client: PoolClient, schema: string, decisions: readonly Decision[], windowLengthMs: number): Promise<number> {
  const deltas = windowDeltas(decisions, windowLengthMs);
  if (deltas.length === 0) return 0;
  const { rows: touched } = await client.query<{ policy_id: string; version: string; canary: boolean; window_start: Date; closed: boolean }>(
    addWindowCountsSql(schema),
    [deltas.map((w) => w.policyId), deltas.map((w) => w.version), deltas.map((w) => w.canary), deltas.map((w) => w.windowStart),
      deltas.map((w) => w.windowEnd), deltas.map((w) => w.total), deltas.map((w) => w.errors), deltas.map((w) => w.denies),
      deltas.map((w) => w.noMatches), deltas.map((w) => w.evaluationNsSum), deltas.map((w) => w.costSum)]);
  const closed = new Set(touched.filter((t) => t.closed).map((t) => JSON.stringify([t.policy_id, t.version, t.canary, t.window_start.toISOString()])));
  let late = 0;
  for (const w of deltas) if (closed.has(JSON.stringify([w.policyId, w.version, w.canary, w.windowStart]))) late += w.total;
  return late;
}

/** Moves the partition's position to the newest timestamp among the decisions (for the watermark); nothing when there are none. */
export async function advancePartition(client: PoolClient, schema: string, decisions: readonly Decision[], origin: BatchOrigin): Promise<void> {
  const newest = decisions.reduce((max, d) => Math.max(max, Date.parse(d.timestamp)), Number.NEGATIVE_INFINITY);
  if (Number.isFinite(newest)) await client.query(advancePartitionSql(schema), [origin.topic, origin.partition, new Date(newest)]);
}
