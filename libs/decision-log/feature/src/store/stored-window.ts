import type { DecisionWindowClosed } from '@edict/contracts';
import { windowEventId } from '../windows/window-event';

/** A closed window as decision-log keeps it: the published data, its event id, and when it closed and went out. */
export interface StoredWindow {
  readonly eventId: string;
  readonly window: DecisionWindowClosed['data'];
  readonly closedAt: string;
  readonly publishedAt: string | null;
}

/** A `decision_log_windows` row as pg returns it (timestamptz as Date, bigint as string). */
export interface WindowRow {
  readonly policy_id: string;
  readonly version: string;
  readonly canary: boolean;
  readonly window_start: Date;
  readonly window_end: Date;
  readonly total: number;
  readonly errors: number;
  readonly denies: number;
  readonly no_matches: number;
  readonly mean_evaluation_ns: string;
  readonly closed_at: Date;
  readonly published_at: Date | null;
}

export const WINDOW_COLUMNS =
  'policy_id, version, canary, window_start, window_end, total, errors, denies, no_matches, mean_evaluation_ns, closed_at, published_at';

export const toStoredWindow = (r: WindowRow): StoredWindow => {
  const window = {
    policyId: r.policy_id,
    version: r.version,
    canary: r.canary,
    windowStart: r.window_start.toISOString(),
    windowEnd: r.window_end.toISOString(),
    total: r.total,
    errors: r.errors,
    denies: r.denies,
    noMatches: r.no_matches,
    meanEvaluationNs: Number(r.mean_evaluation_ns),
  };
  return { eventId: windowEventId(window), window, closedAt: r.closed_at.toISOString(), publishedAt: r.published_at?.toISOString() ?? null };
};
