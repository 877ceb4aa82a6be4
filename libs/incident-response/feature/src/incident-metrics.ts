import { Counter } from 'prom-client';
import { metricsFor } from '@edict/observability';

const registry = metricsFor('incident-response').registry;
const existing = registry.getSingleMetric('edict_incidents_rollback_failed_total');

/**
 * The runbook's `PolicyRollbackFailed` signal: requested rollbacks that did not complete within
 * EDICT_ROLLBACK_DEADLINE_SECONDS (named as the runbook's alert expects, outside the
 * `edict_<service>_` scheme, on incident-response's /metrics).
 */
export const rollbackFailedTotal: Counter<'policy'> = existing instanceof Counter
  ? existing
  : new Counter({ name: 'edict_incidents_rollback_failed_total', help: 'requested rollbacks not completed within the deadline, by policy', labelNames: ['policy'], registers: [registry] });

export const webhookDeliveries = metricsFor('incident-response').counter({
  what: 'webhook_deliveries', unit: 'total', help: 'webhook notifications by outcome (delivered, retried, dead_lettered)', labelNames: ['outcome'],
});
