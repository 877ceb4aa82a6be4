/**
 * The evaluation budget of one decision, in comprehension iterations: every element a macro
 * (`all`, `exists`, `exists_one`, `map`, `filter`) visits costs one, nested macros included,
 * summed over every condition the decision evaluates. Evaluation is synchronous and
 * single-threaded, so one counter per module is enough: `evaluate()` resets it per decision.
 */
export const DEFAULT_EVALUATION_BUDGET = 100_000;

/** Thrown inside a condition when the decision has spent its budget. */
export class EvaluationBudgetExceeded extends Error {
  constructor(readonly budget: number) {
    super(`the decision exceeded its evaluation budget of ${budget} comprehension iterations`);
  }
}

let limit = DEFAULT_EVALUATION_BUDGET;
let remaining = DEFAULT_EVALUATION_BUDGET;

/** Starts a decision's budget. */
export function resetEvaluationBudget(budget: number = DEFAULT_EVALUATION_BUDGET): void {
  limit = budget;
  remaining = budget;
}

/** Spends `cost` iterations; throws EvaluationBudgetExceeded when none are left. */
export function spendEvaluationBudget(cost: number): void {
  remaining -= cost;
  if (remaining < 0) throw new EvaluationBudgetExceeded(limit);
}
