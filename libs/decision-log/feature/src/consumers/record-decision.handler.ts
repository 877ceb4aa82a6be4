import { Inject, Injectable } from '@nestjs/common';
import { maskDecision } from '@edict/decision-log-domain';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { DecisionLogMetrics } from '../decision-log.metrics';
import { DecisionLogRepository } from '../store/decision-log.repository';
import { storeError } from '../store/pg-errors';
import { assertStorableDecision } from './decision-shape';

/**
 * Masks and stores one decision (idempotent by decision id: the table's key, so no separate
 * dedupe row per decision). Masked before anything is written: the unmasked request never
 * reaches the database. A malformed decision is a poison message: it goes to the DLQ; an
 * unreachable Postgres is retried until it answers (see storeError). A decision whose window
 * already closed is stored but counted in no window (`late_decisions`).
 */
@Injectable()
export class RecordDecisionHandler {
  constructor(
    private readonly decisions: DecisionLogRepository,
    private readonly metrics: DecisionLogMetrics,
    @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig,
  ) {}

  async handle(decision: unknown): Promise<void> {
    assertStorableDecision(decision);
    const masked = maskDecision(decision, this.config.maskRules);
    const { stored, late } = await this.decisions.store([masked]).catch((error: unknown) => {
      throw storeError(error);
    });
    this.metrics.stored.inc(stored);
    if (late > 0) this.metrics.late.inc(late);
  }
}
