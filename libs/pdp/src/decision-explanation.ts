import type { DecisionLogged } from '@edict/contracts';
import type { TierTrace } from '@edict/policy-engine';

/** One tier's trace with the cohort and slot that chose its version for this subject. */
export type ExplainedTier = TierTrace & { readonly cohort: number; readonly canary: boolean };

/**
 * Why the decision came out as it did (`?explain=full`): per tier every rule in evaluation order
 * with its outcome (explainDecision), the versions that decided (`policyId@version`), the
 * requested policy's cohort, whether any tier served its canary, the exception applied, timing.
 * `killSwitch` is set when a tier's kill switch decided alone (then no rule was considered).
 */
export interface DecisionExplanationView {
  readonly tiers: readonly ExplainedTier[];
  readonly versions: readonly string[];
  readonly cohort: number | null;
  readonly canary: boolean;
  readonly exception: string | null;
  readonly evaluationNs: number;
  readonly killSwitch?: { readonly policyId: string; readonly mode: string; readonly reason: string };
}

export interface ExplainedDecision {
  readonly decision: DecisionLogged['data'];
  readonly explanation: DecisionExplanationView;
}
