import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DecisionLogged } from '@edict/contracts';
import { PG_POOL } from '@edict/messaging';
import { DecisionLogMigrator } from './decision-log.migrator';
import { WINDOWS_CHECKPOINT } from './decision-log.schema';

export interface DecisionQuery {
  readonly policyId?: string;
  readonly version?: string;
  readonly effect?: string;
  readonly since?: string;
  readonly until?: string;
  readonly limit: number;
}

type Decision = DecisionLogged['data'];

const COLUMNS = 12;

/** Stores decisions idempotently and answers queries, newest first. */
@Injectable()
export class DecisionLogRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool, private readonly schema: DecisionLogMigrator) {}

  /**
   * Inserts the decisions not stored yet (they come masked). Returns how many were new, and how
   * many of those were late: older than the window checkpoint, so in no published window.
   * The checkpoint row is locked FOR SHARE in the same statement, and the closer locks it FOR
   * UPDATE while it counts: a decision is either seen by the closer or found late here, never
   * neither, however the two interleave.
   */
  async store(decisions: readonly Decision[]): Promise<{ stored: number; late: number }> {
    if (decisions.length === 0) return { stored: 0, late: 0 };
    await this.schema.migrate();
    const s = this.schema.schema;
    const values: unknown[] = [WINDOWS_CHECKPOINT];
    const rows = decisions.map((d, i) => {
      values.push(d.decisionId, d.timestamp, d.policyId, d.version, d.subject, d.result.effect, d.result.rule, d.result.noMatch,
        d.result.error?.code ?? null, d.bundles.some((b) => b.canary), Math.round(d.evaluationNs), JSON.stringify(d));
      return `(${Array.from({ length: COLUMNS }, (_, c) => `$${i * COLUMNS + c + 2}`).join(', ')}, '${d.source === 'opa' ? 'opa' : 'pdp'}')`;
    });
    const { rows: [counts] } = await this.pool.query<{ stored: number; late: number }>(
      `WITH checkpoint AS MATERIALIZED (SELECT closed_through FROM "${s}".decision_log_checkpoints WHERE name = $1 FOR SHARE),
            inserted AS (
              INSERT INTO "${s}".decisions (decision_id, decided_at, policy_id, version, subject, effect, rule, no_match, error_code, canary, evaluation_ns, decision, source)
              VALUES ${rows.join(', ')} ON CONFLICT (decision_id) DO NOTHING RETURNING decided_at)
       SELECT (SELECT count(*) FROM inserted)::int AS stored,
              (SELECT count(*) FROM inserted, checkpoint WHERE inserted.decided_at < checkpoint.closed_through)::int AS late`,
      values,
    );
    return { stored: counts?.stored ?? 0, late: counts?.late ?? 0 };
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
