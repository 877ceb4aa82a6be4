import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DecisionLogged } from '@edict/contracts';
import { PG_POOL } from '@edict/messaging';
import { isMissingPartition } from './day-partitions';
import { DecisionLogMigrator } from './decision-log.migrator';
import { storeDecisionBatch, type BatchOrigin, type StoredBatch } from './decision-batch.store';

export interface DecisionQuery {
  readonly policyId?: string;
  readonly version?: string;
  readonly effect?: string;
  readonly since?: string;
  readonly until?: string;
  readonly limit: number;
}

type Decision = DecisionLogged['data'];

/** Stores decisions idempotently and answers queries, newest first. */
@Injectable()
export class DecisionLogRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool, private readonly schema: DecisionLogMigrator) {}

  /**
   * Stores a batch of masked decisions with their window counts and partition position
   * (storeDecisionBatch), in day partitions that exist; `texts`: their JSON texts when the caller has them.
   */
  async store(decisions: readonly Decision[], windowLengthMs: number, origin: BatchOrigin | null = null, texts?: readonly string[]): Promise<StoredBatch> {
    await this.schema.migrate();
    const { partitions } = this.schema;
    await partitions.ensureFor(decisions.map((d) => d.timestamp));
    try {
      return await storeDecisionBatch(this.pool, this.schema.schema, windowLengthMs, decisions, origin, texts);
    } catch (error) {
      if (!isMissingPartition(error)) throw error;
      partitions.forget(); // retention (here or on another replica) dropped a day this process remembered
      await partitions.ensureFor(decisions.map((d) => d.timestamp));
      return storeDecisionBatch(this.pool, this.schema.schema, windowLengthMs, decisions, origin, texts);
    }
  }

  /** One decision by its id (any day partition), or null. */
  async one(decisionId: string): Promise<Decision | null> {
    await this.schema.migrate();
    const { rows } = await this.pool.query<{ decision: Decision }>(`SELECT decision FROM "${this.schema.schema}".decisions WHERE decision_id = $1 LIMIT 1`, [decisionId]);
    return rows[0]?.decision ?? null;
  }

  async query(q: DecisionQuery): Promise<Decision[]> {
    await this.schema.migrate();
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (q.policyId) add('policy_id = ?', q.policyId);
    if (q.version) add('version = ?', q.version);
    if (q.effect) add('effect = ?', q.effect);
    if (q.since) add('decided_at >= ?', q.since);
    if (q.until) add('decided_at < ?', q.until);
    values.push(q.limit);
    const { rows } = await this.pool.query<{ decision: Decision }>(
      `SELECT decision FROM "${this.schema.schema}".decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY decided_at DESC, decision_id LIMIT $${values.length}`,
      values,
    );
    return rows.map((r) => r.decision);
  }
}
