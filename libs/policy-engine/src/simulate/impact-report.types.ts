import type { DecisionRequest } from '../model/decision.types';
import type { Effect } from '../model/effect';

/** A recorded decision whose effect the candidate changes. */
export interface ImpactExample {
  readonly decisionId: string;
  readonly timestamp: string;
  readonly request: DecisionRequest;
  readonly before: { readonly effect: Effect; readonly rule: string | null };
  readonly after: { readonly effect: Effect; readonly rule: string | null; readonly policyId: string | null; readonly reason: string; readonly error?: string };
}

/** All changes from one effect to another, with the rules that now decide them. */
export interface ImpactGroup {
  readonly from: Effect;
  readonly to: Effect;
  readonly count: number;
  /** `policyId rule` (or `policyId (default)`) that decides after the change, most frequent first */
  readonly rules: readonly { readonly rule: string; readonly count: number }[];
  readonly examples: readonly ImpactExample[];
}

/** `edict simulate`: what a candidate would change if it had decided the recorded requests. */
export interface ImpactReport {
  readonly policyId: string;
  readonly candidateVersion: string;
  /** records of this policy replayed */
  readonly replayed: number;
  /** records of other policies, not replayed */
  readonly skipped: number;
  readonly changed: number;
  readonly unchanged: number;
  /** same effect, another deciding rule */
  readonly ruleChangedOnly: number;
  /** replays that ended in an evaluation error */
  readonly errors: number;
  readonly groups: readonly ImpactGroup[];
}
