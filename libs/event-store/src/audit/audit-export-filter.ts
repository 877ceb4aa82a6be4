import { streamCategoryOf } from '../category/stream-category';
import type { StoredEvent } from '../port/event-store.port';

/** Which events an audit export holds. Without any filter it is the whole log, which `edict audit verify` checks. */
export interface AuditExportFilter {
  /** the policy's own streams (`bundle-<id>`, `rollout-<id>`, `validation-<id>@<v>` …), events whose data names it, and its incidents' later events */
  readonly policyId?: string;
  readonly categories?: readonly string[];
  /** ISO-8601 bounds on recordedAt: since inclusive, until exclusive */
  readonly since?: string;
  readonly until?: string;
}

/** Matches a policy's events; remembers its incidents (later incident events carry only the incident id). */
const policyMatcher = (policyId: string): ((event: StoredEvent) => boolean) => {
  const incidents = new Set<string>();
  return (event) => {
    const dash = event.streamId.indexOf('-');
    const rest = dash < 0 ? '' : event.streamId.slice(dash + 1);
    if (rest === policyId || rest.startsWith(`${policyId}@`)) return true;
    const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as { policyId?: unknown; incidentId?: unknown };
    const incidentId = typeof data.incidentId === 'string' ? data.incidentId : undefined;
    if (data.policyId === policyId) {
      if (incidentId) incidents.add(incidentId);
      return true;
    }
    return incidentId !== undefined && incidents.has(incidentId);
  };
};

/** True when the filter narrows the export (then it is a selection, not a verifiable log). */
export const isFiltered = (filter: AuditExportFilter): boolean =>
  filter.policyId !== undefined || filter.categories !== undefined || filter.since !== undefined || filter.until !== undefined;

/** A predicate for the filter, fed the log in position order (categories are also pushed down to the store's query). */
export function auditExportMatcher(filter: AuditExportFilter): (event: StoredEvent) => boolean {
  const since = filter.since === undefined ? undefined : Date.parse(filter.since);
  const until = filter.until === undefined ? undefined : Date.parse(filter.until);
  const categories = filter.categories ? new Set(filter.categories) : undefined;
  const ofPolicy = filter.policyId === undefined ? undefined : policyMatcher(filter.policyId);
  return (event) => {
    if (categories && !categories.has(streamCategoryOf(event.streamId))) return false;
    if (ofPolicy && !ofPolicy(event)) return false;
    if (since === undefined && until === undefined) return true;
    const at = Date.parse(event.recordedAt);
    return (since === undefined || at >= since) && (until === undefined || at < until);
  };
}
