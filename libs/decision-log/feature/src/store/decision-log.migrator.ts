import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { once, PG_POOL, runDdl, runtimeEnv } from '@edict/messaging';
import { DayPartitions } from './day-partitions';
import { decisionLogDdl } from './decision-log.schema';

/** Creates decision-log's tables once per process, before the first query that needs them; knows its day partitions. */
@Injectable()
export class DecisionLogMigrator {
  readonly schema = runtimeEnv().schema;
  readonly migrate: () => Promise<void>;
  /** the day partitions of `decisions` (created ahead, on demand and dropped by retention) */
  readonly partitions: DayPartitions;

  constructor(@Inject(PG_POOL) pool: Pool) {
    // an idle pooled connection that Postgres drops (a restart) must not crash decision-log: the next query reconnects
    pool.on('error', () => undefined);
    this.partitions = new DayPartitions(pool, this.schema);
    this.migrate = once(() => runDdl(pool, `edict-migrate:${this.schema}`, decisionLogDdl(this.schema)));
  }
}
