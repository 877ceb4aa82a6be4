import type { DecisionLogged } from '@edict/contracts';
import { epochMs, windowId, type OpenWindow, type WindowAggregator, type WindowKey } from './window.state';

type Decision = DecisionLogged['data'];

/**
 * The versions a decision counts for: every bundle that took part (each tier's policy, with its
 * own canary flag, since cohorts are per policy), once per policy; the asked policy's version
 * too if the PDP did not list it (then as not canary: nothing says its cohort got one).
 * So an org-level canary is gated on every decision it took part in, not only on decisions
 * that asked about the org policy itself.
 */
export const keysOf = (d: Decision, version: string): WindowKey[] => {
  const refs = d.bundles.some((b) => b.policyId === d.policyId) ? d.bundles : [...d.bundles, { policyId: d.policyId, version, canary: false }];
  const byPolicy = new Map<string, WindowKey>();
  for (const { policyId, version: v, canary } of refs) if (!byPolicy.has(policyId)) byPolicy.set(policyId, { policyId, version: v, canary });
  return [...byPolicy.values()];
};

/**
 * An error counts as an error only, not also as a deny when the PDP failed closed: the deny rate
 * measures the policy's judgement, the error rate its failures.
 */
const counted = (w: OpenWindow, d: Decision): OpenWindow => ({
  ...w,
  total: w.total + 1,
  errors: w.errors + (d.result.error ? 1 : 0),
  denies: w.denies + (!d.result.error && d.result.effect === 'deny' ? 1 : 0),
  noMatches: w.noMatches + (d.result.noMatch ? 1 : 0),
  evaluationNsSum: w.evaluationNsSum + d.evaluationNs,
});

/**
 * Adds a decision to the open window of each version it counts for, by its own timestamp.
 * Not counted: decisions with `version: null` (no version of the asked policy was active, so
 * the decision says nothing about any version's health: the default effect answered), and
 * decisions whose window already closed (counted in `lateDecisions`: a closed window was
 * already published and acted on; reopening it would publish a second, different total).
 */
export const addDecision = (agg: WindowAggregator, d: Decision): WindowAggregator => {
  if (d.version === null) return agg;
  const at = epochMs(d.timestamp, 'decision timestamp');
  const startMs = Math.floor(at / agg.windowLengthMs) * agg.windowLengthMs;
  const endMs = startMs + agg.windowLengthMs;
  if (agg.closedThrough !== null && endMs <= epochMs(agg.closedThrough, 'closedThrough')) {
    return { ...agg, lateDecisions: agg.lateDecisions + 1 };
  }
  const windowStart = new Date(startMs).toISOString();
  const windowEnd = new Date(endMs).toISOString();
  const open = { ...agg.open };
  for (const key of keysOf(d, d.version)) {
    const id = windowId(key, windowStart);
    const empty: OpenWindow = { ...key, windowStart, windowEnd, total: 0, errors: 0, denies: 0, noMatches: 0, evaluationNsSum: 0 };
    open[id] = counted(open[id] ?? empty, d);
  }
  return { ...agg, open };
};
