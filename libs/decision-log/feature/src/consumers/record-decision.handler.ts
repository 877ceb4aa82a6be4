import { Injectable } from '@nestjs/common';
import type { DecisionLogged } from '@edict/contracts';
import { ValidationError } from '@edict/core';
import { DecisionLogRepository } from '../store/decision-log.repository';

const isDecision = (d: DecisionLogged['data']): boolean =>
  typeof d.decisionId === 'string' && typeof d.policyId === 'string' && typeof d.timestamp === 'string' &&
  typeof d.result === 'object' && d.result !== null && typeof d.result.effect === 'string' && Array.isArray(d.bundles);

/**
 * Stores one decision (idempotent by decision id: the table's key, so no separate dedupe row
 * per decision). A malformed decision is a poison message: it goes to the DLQ.
 */
@Injectable()
export class RecordDecisionHandler {
  constructor(private readonly decisions: DecisionLogRepository) {}

  async handle(decision: DecisionLogged['data']): Promise<void> {
    if (!isDecision(decision)) throw new ValidationError('DECISION_LOG.MALFORMED_DECISION', 'not a DecisionLogged payload');
    await this.decisions.store([decision]);
  }
}
