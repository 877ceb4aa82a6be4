/**
 * `edict_<service>_<what>_<unit>` (STYLE.md §13). Prometheus names allow only `[a-zA-Z0-9_:]`, so
 * the hyphens of service names become underscores: `decision-log` → `edict_decision_log_…`.
 * Counters use the unit `total` (`edict_authoring_commands_total`).
 */
export function metricName(service: string, what: string, unit: string): string {
  const parts = [service, what, unit].map(toSnake);
  if (parts.some((part) => part === '')) throw new Error(`invalid metric name parts: ${JSON.stringify([service, what, unit])}`);
  return ['edict', ...parts].join('_');
}

const toSnake = (part: string): string => part.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
