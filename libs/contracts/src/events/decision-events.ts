import type { DomainEvent } from '@edict/core';

export type Effect = 'allow' | 'deny' | 'require_approval';

/** One bundle that took part in a decision, and whether the subject's cohort got the canary. */
export interface DecisionBundleRef {
  readonly policyId: string;
  readonly version: string;
  readonly cohort: number;
  readonly canary: boolean;
}

/**
 * A decision made by a PDP or an OPA agent. Its data is also the decision-log export format
 * (NDJSON, one per line) that `edict simulate` replays.
 */
export type DecisionLogged = DomainEvent<'DecisionLogged', {
  readonly decisionId: string;
  readonly timestamp: string;
  /** the policy asked about (the most specific tier) */
  readonly policyId: string;
  /** its version that decided, or null when no version is active */
  readonly version: string | null;
  readonly subject: string;
  readonly request: {
    readonly agent: string;
    readonly action: string;
    readonly resource: string;
    readonly context?: Readonly<Record<string, unknown>>;
  };
  readonly result: {
    readonly effect: Effect;
    readonly rule: string | null;
    readonly tier: string | null;
    readonly reason: string;
    readonly noMatch: boolean;
    readonly error?: { readonly code: string; readonly message: string };
    /** the exception (`EXC-001`) that waived a rule which would otherwise have decided; absent when none applied */
    readonly exception?: string;
  };
  readonly bundles: readonly DecisionBundleRef[];
  readonly evaluationNs: number;
  readonly source: 'pdp' | 'opa';
  readonly decisionPoint: string;
}>;

/** Aggregated over a window per policy, version and cohort group; feeds gates and triggers. */
export type DecisionWindowClosed = DomainEvent<'DecisionWindowClosed', {
  readonly policyId: string;
  readonly version: string;
  readonly canary: boolean;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly total: number;
  readonly errors: number;
  readonly denies: number;
  readonly noMatches: number;
  readonly meanEvaluationNs: number;
  /**
   * Sum of the declared cost of the window's decisions: each decision's numeric, finite, >= 0
   * `request.context.cost` (others count 0). Optional: absent, incident-response's cost and budget
   * triggers stay silent for the window. Evaluation time is not cost (see meanEvaluationNs).
   */
  readonly costSum?: number;
  /**
   * 1 when the window first closes; each correction (decisions that arrived after it closed)
   * re-publishes the whole window with the new totals and the next revision. Absent: 1.
   * Consumers keep the highest revision per (policy, version, canary, windowStart).
   */
  readonly revision?: number;
}>;
