import { celMessage } from '../cel/compile-condition';
import { DEFAULT_EVALUATION_BUDGET, EvaluationBudgetExceeded, resetEvaluationBudget } from '../cel/evaluation-budget';
import type { CompiledBundle, CompiledRule } from '../compile/compiled-bundle.types';
import { agentActionKey } from '../compile/build-rule-index';
import type { DecisionError, DecisionRequest, TierOutcome } from '../model/decision.types';
import { PolicyCodes } from '../model/problem-codes';
import { waiverFor, type RuleWaiver } from './rule-waiver';

const EMPTY: readonly CompiledRule[] = [];
const EMPTY_CONTEXT = Object.freeze({});
const EMPTY_WAIVERS: readonly RuleWaiver[] = [];

/** The outcome of a bundle whose evaluation failed: its on-error effect. */
export function errorOutcome(bundle: CompiledBundle, error: DecisionError, rule: string | null = null): TierOutcome {
  return { policyId: bundle.policyId, version: bundle.version, tier: bundle.tier, effect: bundle.onErrorEffect, rule, reason: error.message, noMatch: false, error };
}

/** Evaluates one bundle as a decision of its own, with a fresh evaluation budget. */
export function evaluateBundle(bundle: CompiledBundle, request: DecisionRequest, evaluationBudget: number = DEFAULT_EVALUATION_BUDGET): TierOutcome {
  resetEvaluationBudget(evaluationBudget);
  return evaluateBundleRules(bundle, request);
}

/**
 * Evaluates one bundle within the decision's budget (`evaluate` starts it): walks the candidate rules (four index lists merged in rank order) and
 * returns at the first that matches; no match gives the default effect. A condition that
 * throws, does not return a bool or exceeds the budget makes the outcome an error with the
 * on-error effect. A rule that would match but that one of `waivers` (this bundle's) waives for
 * the request is passed over, and the outcome names that exception.
 */
export function evaluateBundleRules(bundle: CompiledBundle, request: DecisionRequest, waivers: readonly RuleWaiver[] = EMPTY_WAIVERS): TierOutcome {
  const { agent, action, resource } = request;
  const index = bundle.index;
  const l0 = index.byAgentAction.get(agentActionKey(agent, action)) ?? EMPTY;
  const l1 = index.byAgent.get(agent) ?? EMPTY;
  const l2 = index.byAction.get(action) ?? EMPTY;
  const l3 = index.fallback;
  let i0 = 0, i1 = 0, i2 = 0, i3 = 0;
  let activation: { request: DecisionRequest; context: object; settings: object } | undefined;
  let waived: string | undefined;
  for (;;) {
    // k-way merge by rank without allocating: pick the list whose head ranks first
    let rule = l0[i0];
    let from = 0;
    const r1 = l1[i1], r2 = l2[i2], r3 = l3[i3];
    if (r1 && (!rule || r1.rank < rule.rank)) { rule = r1; from = 1; }
    if (r2 && (!rule || r2.rank < rule.rank)) { rule = r2; from = 2; }
    if (r3 && (!rule || r3.rank < rule.rank)) { rule = r3; from = 3; }
    if (!rule) break;
    if (from === 0) i0++; else if (from === 1) i1++; else if (from === 2) i2++; else i3++;
    if (!rule.resource.test(resource) || !rule.agent.test(agent) || !rule.action.test(action)) continue;
    if (rule.condition) {
      activation ??= { request, context: request.context ?? EMPTY_CONTEXT, settings: bundle.settings };
      let value: unknown;
      try {
        value = rule.condition.evaluate(activation);
      } catch (e) {
        if (e instanceof EvaluationBudgetExceeded) return errorOutcome(bundle, { code: PolicyCodes.EVALUATION_BUDGET_EXCEEDED, message: `condition of rule '${rule.id}': ${e.message}` }, rule.id);
        return errorOutcome(bundle, { code: PolicyCodes.CEL_EVALUATION_FAILED, message: `condition of rule '${rule.id}' failed: ${celMessage(e)}` }, rule.id);
      }
      if (value === false) continue;
      if (value !== true) {
        return errorOutcome(bundle, { code: PolicyCodes.CEL_EVALUATION_FAILED, message: `condition of rule '${rule.id}' returned ${typeof value}, not a bool` }, rule.id);
      }
    }
    if (waivers.length > 0) {
      const waiver = waiverFor(waivers, rule.id, agent, resource);
      if (waiver) {
        waived ??= waiver.id;
        continue;
      }
    }
    return { policyId: bundle.policyId, version: bundle.version, tier: bundle.tier, effect: rule.effect, rule: rule.id, reason: rule.reason, noMatch: false, ...(waived && { exception: waived }) };
  }
  return { policyId: bundle.policyId, version: bundle.version, tier: bundle.tier, effect: bundle.defaultEffect, rule: null, reason: `no rule of ${bundle.policyId} matched; its default effect is ${bundle.defaultEffect}`, noMatch: true, ...(waived && { exception: waived }) };
}
