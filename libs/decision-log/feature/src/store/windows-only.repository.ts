import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@edict/messaging';
import type { StoredBatch } from './decision-batch.store';
import { DecisionLogMigrator } from './decision-log.migrator';
import { countDecisionBatch, countedUpTo, type OffsetDecision, type OffsetOrigin } from './windows-only.store';

/** The windows-only mode's store: window counts and consumed offsets, no decision rows (windows-only.store.ts). */
@Injectable()
export class WindowsOnlyRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool, private readonly schema: DecisionLogMigrator) {}

  /** The partition's next offset not yet counted (0 when none was). */
  async countedUpTo(origin: OffsetOrigin): Promise<number> {
    await this.schema.migrate();
    return countedUpTo(this.pool, this.schema.schema, origin);
  }

  /** Counts the decisions at or past the partition's next offset and moves it to `nextOffset`, in one transaction. */
  async count(decisions: readonly OffsetDecision[], windowLengthMs: number, origin: OffsetOrigin, nextOffset: number): Promise<StoredBatch> {
    await this.schema.migrate();
    return countDecisionBatch(this.pool, this.schema.schema, windowLengthMs, decisions, origin, nextOffset);
  }
}
