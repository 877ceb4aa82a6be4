import type { Effect } from '../model/effect';
import { restrictiveness } from '../model/effect';
import type { TierOutcome } from '../model/decision.types';
import { tierRank } from '../model/tier';

/** How well an outcome explains a decision: an error first, then a matched rule, then a default. */
const explanatory = (o: TierOutcome): number => (o.error ? 2 : o.noMatch ? 0 : 1);

/**
 * Combines the tiers' outcomes: the most restrictive effect wins, so a lower tier can only
 * tighten. The deciding outcome is, among those with that effect, the one that explains it
 * best, then the highest tier (org before team before project).
 */
export function combineTiers(outcomes: readonly TierOutcome[]): { effect: Effect; deciding: TierOutcome } | null {
  let deciding: TierOutcome | undefined;
  for (const o of outcomes) {
    if (!deciding) {
      deciding = o;
      continue;
    }
    const byEffect = restrictiveness(o.effect) - restrictiveness(deciding.effect);
    const byExplanation = explanatory(o) - explanatory(deciding);
    const byTier = tierRank(deciding.tier) - tierRank(o.tier);
    if (byEffect > 0 || (byEffect === 0 && (byExplanation > 0 || (byExplanation === 0 && byTier > 0)))) deciding = o;
  }
  return deciding ? { effect: deciding.effect, deciding } : null;
}
