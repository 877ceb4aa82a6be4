import type { DecisionWindowClosed } from '@edict/contracts';
import { epochMs, type OpenWindow, type WindowAggregator } from './window.state';

type Closed = DecisionWindowClosed['data'];

const toClosed = ({ evaluationNsSum, ...counts }: OpenWindow): Closed => ({
  ...counts,
  // whole nanoseconds: finer is noise, and integers keep the published JSON stable
  meanEvaluationNs: Math.round(evaluationNsSum / counts.total),
});

/** Oldest first, then by policy, version and canary flag: the same windows always publish in the same order. */
const byStartThenKey = (a: Closed, b: Closed): number =>
  a.windowStart.localeCompare(b.windowStart) || a.policyId.localeCompare(b.policyId) ||
  a.version.localeCompare(b.version) || Number(a.canary) - Number(b.canary);

/**
 * Closes every open window whose end is at or before `now` (an ISO instant that comes in), and
 * remembers `now` so that decisions arriving later for those windows are not counted. `now`
 * never moves the watermark backwards.
 */
export const closeWindows = (agg: WindowAggregator, now: string): { aggregator: WindowAggregator; closed: Closed[] } => {
  const nowMs = epochMs(now, 'now');
  const entries = Object.entries(agg.open);
  const due = entries.filter(([, w]) => epochMs(w.windowEnd, 'windowEnd') <= nowMs);
  const open = Object.fromEntries(entries.filter(([, w]) => epochMs(w.windowEnd, 'windowEnd') > nowMs));
  const previous = agg.closedThrough === null ? null : epochMs(agg.closedThrough, 'closedThrough');
  const closedThrough = previous !== null && previous > nowMs ? agg.closedThrough : new Date(nowMs).toISOString();
  return { aggregator: { ...agg, open, closedThrough }, closed: due.map(([, w]) => toClosed(w)).sort(byStartThenKey) };
};
