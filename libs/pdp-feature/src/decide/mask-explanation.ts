import type { DecisionLogged } from '@edict/contracts';
import type { DecisionExplanationView } from '@edict/pdp';

/**
 * The explanation as the masked request allows: a `no-match` trace names the request's value
 * for the field that failed (agent, action or resource); when that field is masked, the trace
 * shows the mask ("***"), as the returned and logged request does. Nothing else in a trace
 * carries request data (conditions are shown as written, with only their outcome).
 */
export function maskExplanation(explanation: DecisionExplanationView, masked: DecisionLogged['data']['request']): DecisionExplanationView {
  return {
    ...explanation,
    tiers: explanation.tiers.map((tier) => ({
      ...tier,
      rules: tier.rules.map((rule) => (rule.outcome === 'no-match' && rule.value !== masked[rule.field] ? { ...rule, value: masked[rule.field] } : rule)),
    })),
  };
}
