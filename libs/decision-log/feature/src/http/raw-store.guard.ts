import { ConflictError } from '@edict/core';
import type { DecisionLogConfig } from '../config/decision-log.config';

/**
 * Refuses a read of raw decisions when decision-log keeps none (EDICT_DECISION_STORE_RAW=false):
 * 409 DECISION_LOG.RAW_STORE_DISABLED, rather than an empty answer that would look like no traffic.
 */
export function requireRawStore(config: DecisionLogConfig): void {
  if (config.storeRaw) return;
  throw new ConflictError('DECISION_LOG.RAW_STORE_DISABLED',
    'decision-log runs in the windows-only mode (EDICT_DECISION_STORE_RAW=false): it keeps window counts, not decisions; read them from the topic edict.decisions.v1, or /v1/windows');
}
