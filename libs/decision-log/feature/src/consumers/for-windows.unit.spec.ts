import { maskDecision, pathRule, windowDeltas } from '@edict/decision-log-domain';
import { aDecision } from '@edict/testing';
import { forWindows } from './for-windows';

const costing = (cost: unknown) => aDecision({ request: { agent: 'a', action: 'b', resource: 'r', context: { cost, password: 'p' } } });
const counts = (d: ReturnType<typeof aDecision>) => windowDeltas([d], 60_000);

describe('forWindows (the windows-only mode masks only where a count could change)', () => {
  it('counts exactly what the default mode counts (every decision masked), with or without a rule hiding the cost', () => {
    for (const cost of [2.5, 0, -1, 'x', undefined]) {
      for (const rules of [[], [pathRule('context.cost')], [pathRule('context.password')]]) {
        expect({ cost, rules, counts: counts(forWindows(costing(cost), rules)) }).toEqual({ cost, rules, counts: counts(maskDecision(costing(cost), rules)) });
      }
    }
    expect(counts(forWindows(costing(2.5), [pathRule('context.cost')]))[0]?.costSum).toBe(0);
    expect(counts(forWindows(costing(2.5), []))[0]?.costSum).toBe(2.5);
  });

  it('leaves a decision without a declared cost as it came (no copy)', () => {
    const d = costing(undefined);
    expect(forWindows(d, [pathRule('resource')])).toBe(d);
  });
});
