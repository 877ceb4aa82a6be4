import type { DecisionRequest } from '../model/decision.types';
import type { Effect } from '../model/effect';

/** A recorded decision whose effect the candidate changes. */
export interface ImpactExample {
  readonly decisionId: string;
  readonly timestamp: string;
  readonly request: DecisionRequest;
  readonly before: { readonly effect: Effect; readonly rule: string | null };
  readonly after: { readonly effect: Effect; readonly rule: string | null; readonly policyId: string | null; readonly reason: string; readonly error?: string; readonly exception?: string };
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

/** Replayed decisions against the recorded ones. */
export interface ImpactComparison {
  readonly changed: number;
  readonly unchanged: number;
  /** same effect, another deciding rule */
  readonly ruleChangedOnly: number;
  /** replays that ended in an evaluation error */
  readonly errors: number;
  readonly groups: readonly ImpactGroup[];
}

/** What one exception did in the replay with exceptions. */
export interface ExceptionEffect {
  readonly exceptionId: string;
  readonly policyId: string;
  readonly ruleId: string;
  readonly resource: string;
  /** replayed decisions that cite it (it waived a rule that would have matched) */
  readonly applied: number;
  /** of those, decisions whose effect differs from the replay without exceptions */
  readonly changed: number;
}

/** The replay again with the exceptions in force, compared with the recorded decisions and with the replay without them. */
export interface ExceptionImpact extends ImpactComparison {
  /** exceptions of the replayed chain's policies (others in the list are ignored) */
  readonly considered: number;
  /** decisions whose effect differs with exceptions from without them */
  readonly changedByExceptions: number;
  /** one per considered exception, in list order */
  readonly byException: readonly ExceptionEffect[];
}

/** `edict simulate`: what a candidate would change if it had decided the recorded requests. */
export interface ImpactReport extends ImpactComparison {
  readonly policyId: string;
  readonly candidateVersion: string;
  /** records of this policy replayed */
  readonly replayed: number;
  /** records of other policies, not replayed */
  readonly skipped: number;
  /** present when exceptions were given: the same replay with them in force */
  readonly exceptions?: ExceptionImpact;
}
