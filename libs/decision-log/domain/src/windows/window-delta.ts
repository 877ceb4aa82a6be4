import type { DecisionLogged } from '@edict/contracts';
import { keysOf } from './window.aggregator';
import { epochMs, windowId, type OpenWindow } from './window.state';

type Decision = DecisionLogged['data'];

/** What one batch of decisions adds to one window; summed into the stored window (`count = count + delta`). */
export type WindowDelta = OpenWindow & { readonly costSum: number };

/** The cost a decision declares: a finite number ≥ 0 at `request.context.cost`; anything else costs 0. */
export const declaredCost = (d: Decision): number => {
  const cost = d.request.context?.['cost'];
  return typeof cost === 'number' && Number.isFinite(cost) && cost >= 0 ? cost : 0;
};

/**
 * The counts a batch of (newly stored) decisions adds to each window, by each decision's own
 * timestamp, with the aggregator's rules (keysOf, `version: null` counts nowhere, an error is
 * not also a deny). Sorted by policy, version, canary flag and start, so that concurrent batches
 * upsert the same rows in the same order and never deadlock. Mutates only its own map: this runs
 * on the ingest hot path.
 */
export const windowDeltas = (decisions: readonly Decision[], windowLengthMs: number): WindowDelta[] => {
  const open = new Map<string, { -readonly [K in keyof WindowDelta]: WindowDelta[K] }>();
  const bounds = new Map<number, readonly [string, string]>(); // a batch spans few windows: format each once
  for (const d of decisions) {
    if (d.version === null) continue;
    const startMs = Math.floor(epochMs(d.timestamp, 'decision timestamp') / windowLengthMs) * windowLengthMs;
    let bound = bounds.get(startMs);
    if (!bound) {
      bound = [new Date(startMs).toISOString(), new Date(startMs + windowLengthMs).toISOString()];
      bounds.set(startMs, bound);
    }
    const [windowStart, windowEnd] = bound;
    const error = d.result.error ? 1 : 0;
    const cost = declaredCost(d);
    for (const key of keysOf(d, d.version)) {
      const id = windowId(key, windowStart);
      let w = open.get(id);
      if (!w) {
        w = { ...key, windowStart, windowEnd, total: 0, errors: 0, denies: 0, noMatches: 0, evaluationNsSum: 0, costSum: 0 };
        open.set(id, w);
      }
      w.total += 1;
      w.errors += error;
      w.denies += !error && d.result.effect === 'deny' ? 1 : 0;
      w.noMatches += d.result.noMatch ? 1 : 0;
      w.evaluationNsSum += Math.round(d.evaluationNs);
      w.costSum += cost;
    }
  }
  return [...open.values()].sort((a, b) =>
    a.policyId.localeCompare(b.policyId) || a.version.localeCompare(b.version) || Number(a.canary) - Number(b.canary) || a.windowStart.localeCompare(b.windowStart));
};
