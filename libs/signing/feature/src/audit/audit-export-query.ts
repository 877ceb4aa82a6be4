import { tierOfPolicyId } from '@edict/contracts';
import { ValidationError } from '@edict/core';
import type { ReadAuditExportOptions } from '@edict/event-store';

/** The raw query of GET /v1/audit/export. */
export interface AuditExportQuery {
  readonly after?: string;
  readonly policy?: string;
  readonly category?: string;
  readonly since?: string;
  readonly until?: string;
}

const invalid = (name: string, message: string, value: string): ValidationError =>
  new ValidationError('AUDIT.INVALID_QUERY', `${name} ${message}`, { [name]: value });

const time = (raw: string | undefined, name: string): string | undefined => {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(raw) || Number.isNaN(Date.parse(raw))) throw invalid(name, 'must be an ISO-8601 date or time', raw);
  return new Date(Date.parse(raw)).toISOString();
};

/** Checks the query before a byte is streamed: a bad one is a 400 problem, never a cut-off export. */
export function parseAuditExportQuery(query: AuditExportQuery): ReadAuditExportOptions {
  // Express turns a repeated parameter (?category=a&category=b) into an array, whatever the type says.
  for (const [name, value] of Object.entries(query) as [string, unknown][]) {
    if (typeof value !== 'string') throw invalid(name, 'must be given once', String(value));
  }
  const after = query.after ?? '';
  if (after !== '' && !/^\d{1,15}$/.test(after)) throw invalid('after', 'must be a whole number (a position; 0 from genesis)', after);
  const categories = query.category ? query.category.split(',') : undefined;
  if (categories?.some((c) => !/^[a-z][a-z0-9]*$/.test(c))) throw invalid('category', 'must be stream categories separated by commas (bundle,rollout,…)', query.category ?? '');
  if (query.policy !== undefined && query.policy !== '') tierOfPolicyId(query.policy);
  const since = time(query.since, 'since');
  const until = time(query.until, 'until');
  if (since && until && since >= until) throw invalid('until', 'must be after since', query.until ?? '');
  return {
    after: after === '' ? 0 : Number(after),
    ...(categories ? { categories } : {}),
    ...(query.policy ? { policyId: query.policy } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}
