import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DecisionLogged } from '@edict/contracts';
import { once, PG_POOL, runDdl, runtimeEnv } from '@edict/messaging';
import { decisionLogDdl } from './decision-log.schema';

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
  private readonly schema = runtimeEnv().schema;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Inserts the decisions not stored yet; returns how many were new. */
  async store(decisions: readonly Decision[]): Promise<number> {
    if (decisions.length === 0) return 0;
    await this.migrate();
    const columns = 12;
    const values: unknown[] = [];
    const rows = decisions.map((d, i) => {
      values.push(d.decisionId, d.timestamp, d.policyId, d.version, d.subject, d.result.effect, d.result.rule, d.result.noMatch,
        d.result.error?.code ?? null, d.bundles.some((b) => b.canary), Math.round(d.evaluationNs), JSON.stringify(d));
      return `(${Array.from({ length: columns }, (_, c) => `$${i * columns + c + 1}`).join(', ')}, '${d.source === 'opa' ? 'opa' : 'pdp'}')`;
    });
    const { rowCount } = await this.pool.query(
      `INSERT INTO "${this.schema}".decisions (decision_id, decided_at, policy_id, version, subject, effect, rule, no_match, error_code, canary, evaluation_ns, decision, source)
       VALUES ${rows.join(', ')} ON CONFLICT (decision_id) DO NOTHING`,
      values,
    );
    return rowCount ?? 0;
  }

  async query(q: DecisionQuery): Promise<Decision[]> {
    await this.migrate();
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
      `SELECT decision FROM "${this.schema}".decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY decided_at DESC, decision_id LIMIT $${values.length}`,
      values,
    );
    return rows.map((r) => r.decision);
  }

  private readonly migrate = once(() => runDdl(this.pool, `edict-migrate:${this.schema}`, decisionLogDdl(this.schema)));
}
