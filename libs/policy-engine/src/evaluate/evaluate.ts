import type { CompiledBundle } from '../compile/compiled-bundle.types';
import type { DecisionRequest, DecisionResult, EvaluateOptions, NanoTimer, TierOutcome } from '../model/decision.types';
import { PolicyCodes } from '../model/problem-codes';
import { checkRequest } from './check-request';
import { combineTiers } from './combine-tiers';
import { DEFAULT_EVALUATION_BUDGET, resetEvaluationBudget } from '../cel/evaluation-budget';
import { errorOutcome, evaluateBundleRules } from './evaluate-bundle';

const defaultTimer: NanoTimer = () => process.hrtime.bigint();

/**
 * Decides a request against a tier chain (org → team → project; any subset, several bundles
 * per tier allowed). Every bundle is evaluated; the most restrictive effect wins. Never
 * throws on bad input: a refused request or a failing condition gives an error decision with
 * the on-error effect(s). Conditions share one evaluation budget per decision
 * (`options.evaluationBudget`, default DEFAULT_EVALUATION_BUDGET comprehension iterations).
 * `options.exceptions` waive rules for the requests they cover (RuleWaiver); the decision names
 * the exception that changed it (the deciding tier's first, else any tier's).
 */
export function evaluate(tiers: readonly CompiledBundle[], request: DecisionRequest, options: EvaluateOptions = {}): DecisionResult {
  const timer = options.timer ?? defaultTimer;
  const started = timer();
  const refused = checkRequest(request);
  resetEvaluationBudget(options.evaluationBudget ?? DEFAULT_EVALUATION_BUDGET);
  const exceptions = options.exceptions ?? [];
  const waiversOf = (bundle: CompiledBundle) => (exceptions.length === 0 ? undefined : exceptions.filter((w) => w.policyId === bundle.policyId));
  const outcomes: TierOutcome[] = tiers.map((bundle) => (refused ? errorOutcome(bundle, refused) : evaluateBundleRules(bundle, request, waiversOf(bundle))));
  const combined = combineTiers(outcomes);
  const bundleVersions = tiers.map((b) => b.ref);
  if (!combined) {
    const error = refused ?? { code: PolicyCodes.NO_BUNDLES, message: 'no bundle to evaluate: the decision defaults to deny' };
    return { effect: 'deny', decidingTier: null, decidingPolicyId: null, decidingRule: null, reason: error.message, noMatch: false, error, tiers: outcomes, bundleVersions, evaluationNs: Number(timer() - started) };
  }
  const { effect, deciding } = combined;
  const error = outcomes.find((o) => o.error)?.error;
  const exception = deciding.exception ?? outcomes.find((o) => o.exception)?.exception;
  return {
    effect,
    decidingTier: deciding.tier,
    decidingPolicyId: deciding.policyId,
    decidingRule: deciding.rule,
    reason: deciding.reason,
    noMatch: deciding.noMatch,
    ...(error && { error }),
    ...(exception && { exception }),
    tiers: outcomes,
    bundleVersions,
    evaluationNs: Number(timer() - started),
  };
}
