/** Totals of the decisions a version made over the gate's period (summed DecisionWindowClosed). */
export interface WindowTotals {
  readonly total: number;
  readonly errors: number;
  readonly denies: number;
  /** mean evaluation time: a latency metric, shown, never gated as cost */
  readonly meanEvaluationNs: number;
  /**
   * The declared cost of those decisions summed (windows' `costSum`, from `request.context.cost`);
   * absent when no window carried one. The cost gate compares it per decision with stable's.
   */
  readonly costSum?: number;
}

/** Promotion gate limits. Rates are fractions (0.05 = 5%); cost is the relative increase of the declared cost per decision against stable. */
export interface GateThresholds {
  readonly minDecisions: number;
  readonly maxErrorRate: number;
  readonly maxDenyRate: number;
  readonly maxCostIncrease: number;
  readonly soakMs: number;
}

/** The runbook's gates ("Canary Won't Promote"): 100+ decisions, errors ≤ 5%, denies ≤ 30%, cost ≤ +20%, 24 h per step. */
export const defaultGateThresholds: GateThresholds = {
  minDecisions: 100,
  maxErrorRate: 0.05,
  maxDenyRate: 0.3,
  maxCostIncrease: 0.2,
  soakMs: 24 * 60 * 60 * 1000,
};

/** Whether a canary step may be promoted, and why not (empty when it passed). */
export interface GateVerdict {
  readonly passed: boolean;
  readonly reasons: readonly string[];
}
