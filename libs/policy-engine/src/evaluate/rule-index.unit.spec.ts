import fc from 'fast-check';
import { compiled } from '../testing/bundle-builder';
import { effectArb, requestArb, rulesArb } from '../testing/arbitraries';
import type { CompiledBundle } from '../compile/compiled-bundle.types';
import type { DecisionRequest } from '../model/decision.types';
import { evaluateBundle } from './evaluate-bundle';

/** Evaluation without the index: every rule, in rank order. */
function naive(bundle: CompiledBundle, request: DecisionRequest): { effect: string; rule: string | null } {
  for (const rule of bundle.rules) {
    if (!rule.agent.test(request.agent) || !rule.action.test(request.action) || !rule.resource.test(request.resource)) continue;
    if (rule.condition && rule.condition.evaluate({ request, context: request.context ?? {}, settings: bundle.settings }) !== true) continue;
    return { effect: rule.effect, rule: rule.id };
  }
  return { effect: bundle.defaultEffect, rule: null };
}

describe('rule index', () => {
  it('given any rules and request, when evaluated through the index, then the result equals a scan of every rule', () => {
    fc.assert(
      fc.property(rulesArb, effectArb, requestArb, (rules, defaultEffect, request) => {
        const bundle = compiled('org/p', rules, { defaultEffect });
        const { effect, rule } = evaluateBundle(bundle, request);
        expect({ effect, rule }).toEqual(naive(bundle, request));
      }),
      { numRuns: 1000 },
    );
  });
});
