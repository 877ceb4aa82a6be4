import { streamCategoryOf } from '../category/stream-category';
import type { StoredEvent } from '../port/event-store.port';

/** Which events an audit export holds. Without any filter it is the whole log, which `edict audit verify` checks. */
export interface AuditExportFilter {
  /** the policy's own streams (`bundle-<id>`, `rollout-<id>`, `validation-<id>@<v>` …) and events whose data names it (incidents) */
  readonly policyId?: string;
  readonly categories?: readonly string[];
  /** ISO-8601 bounds on recordedAt: since inclusive, until exclusive */
  readonly since?: string;
  readonly until?: string;
}

const namesPolicy = (event: StoredEvent, policyId: string): boolean => {
  const dash = event.streamId.indexOf('-');
  const rest = dash < 0 ? '' : event.streamId.slice(dash + 1);
  if (rest === policyId || rest.startsWith(`${policyId}@`)) return true;
  const data = event.data as { policyId?: unknown } | null;
  return typeof data === 'object' && data !== null && data.policyId === policyId;
};

/** True when the filter narrows the export (then it is a selection, not a verifiable log). */
export const isFiltered = (filter: AuditExportFilter): boolean =>
  filter.policyId !== undefined || filter.categories !== undefined || filter.since !== undefined || filter.until !== undefined;

/** A predicate for the filter (categories are also pushed down to the store's query). */
export function auditExportMatcher(filter: AuditExportFilter): (event: StoredEvent) => boolean {
  const since = filter.since === undefined ? undefined : Date.parse(filter.since);
  const until = filter.until === undefined ? undefined : Date.parse(filter.until);
  const categories = filter.categories ? new Set(filter.categories) : undefined;
  return (event) => {
    if (categories && !categories.has(streamCategoryOf(event.streamId))) return false;
    if (filter.policyId !== undefined && !namesPolicy(event, filter.policyId)) return false;
    if (since === undefined && until === undefined) return true;
    const at = Date.parse(event.recordedAt);
    return (since === undefined || at >= since) && (until === undefined || at < until);
  };
}
