import type { DecisionWindowClosed } from '@edict/contracts';
import { windowEventId } from '../windows/window-event';

/** A closed window as decision-log keeps it: the published data (with its revision), its event id, and when it closed and went out. */
export interface StoredWindow {
  readonly eventId: string;
  readonly window: DecisionWindowClosed['data'] & { readonly revision: number };
  /** decisions counted after the window first closed (carried by revisions > 1) */
  readonly late: number;
  readonly closedAt: string;
  readonly publishedAt: string | null;
  readonly publishedRevision: number;
}

/** A `decision_log_window_counts` row as pg returns it (timestamptz as Date, bigint and numeric as string). */
export interface WindowRow {
  readonly policy_id: string;
  readonly version: string;
  readonly canary: boolean;
  readonly window_start: Date;
  readonly window_end: Date;
  readonly total: string;
  readonly errors: string;
  readonly denies: string;
  readonly no_matches: string;
  readonly evaluation_ns_sum: string;
  readonly cost_sum: string;
  readonly late: string;
  readonly revision: number;
  readonly published_revision: number;
  readonly closed_at: Date;
  readonly published_at: Date | null;
}

export const WINDOW_COLUMNS =
  'policy_id, version, canary, window_start, window_end, total, errors, denies, no_matches, evaluation_ns_sum, cost_sum, late, revision, published_revision, closed_at, published_at';

export const toStoredWindow = (r: WindowRow): StoredWindow => {
  const total = Number(r.total);
  const window = {
    policyId: r.policy_id,
    version: r.version,
    canary: r.canary,
    windowStart: r.window_start.toISOString(),
    windowEnd: r.window_end.toISOString(),
    total,
    errors: Number(r.errors),
    denies: Number(r.denies),
    noMatches: Number(r.no_matches),
    meanEvaluationNs: total === 0 ? 0 : Math.round(Number(r.evaluation_ns_sum) / total),
    costSum: Number(r.cost_sum),
    revision: r.revision,
  };
  return {
    eventId: windowEventId(window), window, late: Number(r.late), closedAt: r.closed_at.toISOString(),
    publishedAt: r.published_at?.toISOString() ?? null, publishedRevision: r.published_revision,
  };
};
