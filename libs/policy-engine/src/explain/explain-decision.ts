import { celMessage } from '../cel/compile-condition';
import { DEFAULT_EVALUATION_BUDGET, resetEvaluationBudget } from '../cel/evaluation-budget';
import type { CompiledBundle, CompiledRule } from '../compile/compiled-bundle.types';
import type { DecisionRequest, DecisionResult, EvaluateOptions } from '../model/decision.types';
import type { Effect } from '../model/effect';
import { waiverFor } from '../evaluate/rule-waiver';
import { evaluate } from '../evaluate/evaluate';

/** Why one rule did or did not decide, in the bundle's evaluation order. */
export type RuleVerdict =
  | { readonly outcome: 'no-match'; readonly field: 'agent' | 'action' | 'resource'; readonly pattern: string; readonly value: string }
  | { readonly outcome: 'condition-false' }
  | { readonly outcome: 'condition-error'; readonly message: string }
  | { readonly outcome: 'waived'; readonly exception: string }
  | { readonly outcome: 'matched' }
  | { readonly outcome: 'not-reached' };

export type RuleTrace = { readonly id: string; readonly rank: number; readonly priority: number; readonly effect: Effect; readonly when: string | null } & RuleVerdict;

export interface TierTrace {
  readonly policyId: string;
  readonly version: string;
  readonly tier: string;
  readonly effect: Effect;
  readonly rule: string | null;
  readonly noMatch: boolean;
  readonly rules: readonly RuleTrace[];
}

/** A decision with its trace: the decision exactly as `evaluate` makes it, and per tier every rule considered. */
export interface DecisionExplanation {
  readonly decision: DecisionResult;
  readonly tiers: readonly TierTrace[];
}

function verdictOf(bundle: CompiledBundle, rule: CompiledRule, request: DecisionRequest, options: EvaluateOptions): RuleVerdict {
  for (const field of ['agent', 'action', 'resource'] as const) {
    if (!rule[field].test(request[field])) return { outcome: 'no-match', field, pattern: rule[field].source, value: request[field] };
  }
  if (rule.condition) {
    try {
      const value = rule.condition.evaluate({ request, context: request.context ?? {}, settings: bundle.settings });
      if (value === false) return { outcome: 'condition-false' };
      if (value !== true) return { outcome: 'condition-error', message: `returned ${typeof value}, not a bool` };
    } catch (e) {
      return { outcome: 'condition-error', message: celMessage(e) };
    }
  }
  const waiver = waiverFor((options.exceptions ?? []).filter((w) => w.policyId === bundle.policyId), rule.id, request.agent, request.resource);
  return waiver ? { outcome: 'waived', exception: waiver.id } : { outcome: 'matched' };
}

/**
 * Explains a decision: `evaluate` decides (the hot path is untouched), then each tier's rules are
 * walked in evaluation order, saying for each which `match` field failed, whether its `when` was
 * false or errored, whether an exception waived it, or that it matched; rules after the deciding
 * one are `not-reached`. Pure; the caller adds versions, cohort and timing it knows.
 */
export function explainDecision(tiers: readonly CompiledBundle[], request: DecisionRequest, options: EvaluateOptions = {}): DecisionExplanation {
  const decision = evaluate(tiers, request, options);
  resetEvaluationBudget(options.evaluationBudget ?? DEFAULT_EVALUATION_BUDGET);
  const traces = tiers.map((bundle, i): TierTrace => {
    const outcome = decision.tiers[i]!;
    let decided = false;
    const rules = bundle.rules.map((rule): RuleTrace => {
      const base = { id: rule.id, rank: rule.rank, priority: rule.priority, effect: rule.effect, when: bundle.document.spec.rules?.[rule.index]?.when ?? null };
      if (decided) return { ...base, outcome: 'not-reached' };
      const verdict = verdictOf(bundle, rule, request, options);
      if (verdict.outcome === 'matched' || verdict.outcome === 'condition-error') decided = true;
      return { ...base, ...verdict };
    });
    return { policyId: bundle.policyId, version: bundle.version, tier: bundle.tier, effect: outcome.effect, rule: outcome.rule, noMatch: outcome.noMatch, rules };
  });
  return { decision, tiers: traces };
}
