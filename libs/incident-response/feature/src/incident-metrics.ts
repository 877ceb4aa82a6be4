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

/**
 * The runbook's Budget panel and `PolicyBudgetHigh` alert: a policy's declared cost on the UTC day
 * of its latest closed window (`context.cost` summed), and its daily budget when one is set.
 */
export const dailyCostDeclared = metricsFor('incident-response').gauge({
  what: 'daily_cost', unit: 'declared', help: 'declared cost (context.cost) of the policy on the UTC day of its latest window', labelNames: ['policy'],
});
export const dailyCostBudget = metricsFor('incident-response').gauge({
  what: 'daily_cost', unit: 'budget', help: 'the policy\'s daily cost budget in effect (absent without one)', labelNames: ['policy'],
});

/** Sets both gauges when a window carried cost. */
export function observeDailyCost(policy: string, dayCost: number, budget: number | null): void {
  dailyCostDeclared.set({ policy }, dayCost);
  if (budget !== null && budget > 0) dailyCostBudget.set({ policy }, budget);
  else dailyCostBudget.remove({ policy });
}
