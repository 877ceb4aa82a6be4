import type { Effect } from './effect';
import type { Tier } from './tier';
import type { RuleWaiver } from '../evaluate/rule-waiver';

/**
 * What is asked. CEL conditions see it as `request.agent`, `request.action`,
 * `request.resource` and `context.*` (the context map itself).
 */
export interface DecisionRequest {
  readonly agent: string;
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, unknown>>;
}

/** Why a decision is an error: a condition failed to evaluate, or the request was refused. */
export interface DecisionError {
  readonly code: string;
  readonly message: string;
}

/** One tier's own outcome, before the tiers are combined. */
export interface TierOutcome {
  readonly policyId: string;
  readonly version: string;
  readonly tier: Tier;
  readonly effect: Effect;
  /** id of the rule that decided, or null when the bundle's default (or on-error) effect applied */
  readonly rule: string | null;
  readonly reason: string;
  readonly noMatch: boolean;
  readonly error?: DecisionError;
  /** the exception that waived a rule that would otherwise have decided this tier */
  readonly exception?: string;
}

/** A decision that explains itself. */
export interface DecisionResult {
  /** the most restrictive of the tiers' effects */
  readonly effect: Effect;
  /** the tier whose outcome gave the effect (null only when no bundle was given) */
  readonly decidingTier: Tier | null;
  readonly decidingPolicyId: string | null;
  readonly decidingRule: string | null;
  readonly reason: string;
  /** true when the deciding tier matched no rule and its default effect applied */
  readonly noMatch: boolean;
  /** set when any tier failed to evaluate (the decision counts as an error) */
  readonly error?: DecisionError;
  /** the exception (`EXC-001`) that waived a rule for this request: the deciding tier's, else any tier's */
  readonly exception?: string;
  /** each tier's own outcome, in org → team → project order */
  readonly tiers: readonly TierOutcome[];
  /** `policyId@version` of every bundle evaluated */
  readonly bundleVersions: readonly string[];
  /** wall time of the evaluation, measured by the injected timer */
  readonly evaluationNs: number;
}

/** A monotonic nanosecond clock. Injected so that tests are deterministic. */
export type NanoTimer = () => bigint;

export interface EvaluateOptions {
  /** defaults to `process.hrtime.bigint` */
  readonly timer?: NanoTimer;
  /**
   * Comprehension iterations the decision's conditions may spend in all (every element a
   * macro visits costs one); past it the decision is an error (`POLICY.EVALUATION_BUDGET_EXCEEDED`)
   * with the on-error effect. Defaults to 100,000.
   */
  readonly evaluationBudget?: number;
  /** exceptions in force for this request (the caller checks approval, expiry and subject) */
  readonly exceptions?: readonly RuleWaiver[];
}
