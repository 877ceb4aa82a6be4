/** Totals of the decisions a version made over the gate's period (summed DecisionWindowClosed). */
export interface WindowTotals {
  readonly total: number;
  readonly errors: number;
  readonly denies: number;
  readonly meanEvaluationNs: number;
}

/** Promotion gate limits. Rates are fractions (0.05 = 5%); cost is the relative increase of the mean evaluation time. */
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
