import { DEFAULT_EVALUATION_BUDGET } from '../cel/evaluation-budget';
import { PolicyCodes } from '../model/problem-codes';
import { compiled, req } from '../testing/bundle-builder';
import { evaluate } from './evaluate';
import { evaluateBundle } from './evaluate-bundle';

const nested = compiled('org/budget', [
  { id: 'pairs', effect: 'allow', when: 'context.xs.exists(x, context.ys.exists(y, x == y + 1000.0))', reason: 'a pair' },
], { onErrorEffect: 'require_approval' });
const list = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('evaluation budget', () => {
  it('given a nested comprehension over large lists in context, when evaluated, then the decision is an error with the on-error effect', () => {
    const result = evaluate([nested], req('a', 'b', 'c', { xs: list(498), ys: list(498) }));
    expect(result).toMatchObject({ effect: 'require_approval', decidingRule: 'pairs', error: { code: PolicyCodes.EVALUATION_BUDGET_EXCEEDED } });
    expect(result.error?.message).toContain(`${DEFAULT_EVALUATION_BUDGET} comprehension iterations`);
  });

  it('given the same condition on small lists, then it evaluates within the budget', () => {
    expect(evaluate([nested], req('a', 'b', 'c', { xs: [1000, 5], ys: [3, 0] }))).toMatchObject({ effect: 'allow', decidingRule: 'pairs' });
    expect(evaluate([nested], req('a', 'b', 'c', { xs: [1], ys: [2] }))).toMatchObject({ effect: 'deny', noMatch: true });
  });

  it('given a configured budget, then it applies per decision, and each decision starts afresh', () => {
    const small = { evaluationBudget: 10 };
    expect(evaluate([nested], req('a', 'b', 'c', { xs: list(4), ys: list(4) }), small).error?.code).toBe(PolicyCodes.EVALUATION_BUDGET_EXCEEDED);
    expect(evaluate([nested], req('a', 'b', 'c', { xs: [1000], ys: [0] }), small)).toMatchObject({ effect: 'allow' });
  });

  it('given two tiers, then their conditions share one budget', () => {
    const flat = (id: string) => compiled(id, [{ id: 'r', effect: 'allow', when: 'context.xs.all(x, x >= 0.0)' }]);
    const decision = evaluate([flat('org/a'), flat('teams/t/b')], req('a', 'b', 'c', { xs: list(6) }), { evaluationBudget: 10 });
    expect(decision.tiers.map((t) => t.error?.code ?? t.effect)).toEqual(['allow', PolicyCodes.EVALUATION_BUDGET_EXCEEDED]);
  });

  it('given evaluateBundle alone, then it has a fresh budget of its own', () => {
    evaluate([nested], req('a', 'b', 'c', { xs: list(498), ys: list(498) }));
    expect(evaluateBundle(nested, req('a', 'b', 'c', { xs: [1000], ys: [0] }))).toMatchObject({ effect: 'allow' });
  });
});
