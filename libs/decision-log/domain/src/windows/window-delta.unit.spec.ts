import fc from 'fast-check';
import { aDecision as decision } from '@edict/testing';
import { addDecision } from './window.aggregator';
import { closeWindows } from './window.closer';
import { windowDeltas } from './window-delta';
import { createWindowAggregator } from './window.state';

const MINUTE = 60_000;

describe('window deltas of a batch', () => {
  it('counts a batch per window with the aggregator rules', () => {
    const team = { policyId: 'teams/pay/refunds', version: '1.3.0', cohort: 77, canary: true };
    const deltas = windowDeltas([
      decision({ evaluationNs: 1000 }),
      decision({ decisionId: 'd-2', evaluationNs: 2000 }, { effect: 'deny' }),
      decision({ decisionId: 'd-3', evaluationNs: 10 }, { effect: 'deny', noMatch: true, error: { code: 'CEL', message: 'x' } }),
      decision({ decisionId: 'd-4', policyId: 'teams/pay/refunds', version: '1.3.0', bundles: [team, team] }),
      decision({ decisionId: 'd-5', version: null }),
    ], MINUTE);
    expect(deltas).toEqual([
      { policyId: 'org/payments', version: '2.0.0', canary: false, windowStart: '2025-03-01T10:00:00.000Z', windowEnd: '2025-03-01T10:01:00.000Z',
        total: 3, errors: 1, denies: 1, noMatches: 1, evaluationNsSum: 3010, costSum: 0 },
      { policyId: 'teams/pay/refunds', version: '1.3.0', canary: true, windowStart: '2025-03-01T10:00:00.000Z', windowEnd: '2025-03-01T10:01:00.000Z',
        total: 1, errors: 0, denies: 0, noMatches: 0, evaluationNsSum: 1000, costSum: 0 },
    ]);
  });

  it('sums the cost decisions declare in request.context.cost, other values costing 0', () => {
    const withCost = (id: string, cost: unknown) => decision({ decisionId: id, request: { agent: 'a', action: 'b', resource: 'c', context: { cost } } });
    const [w] = windowDeltas([withCost('a', 2.5), withCost('b', 4), withCost('c', -1), withCost('d', '7'), withCost('e', Number.POSITIVE_INFINITY)], MINUTE);
    expect(w).toMatchObject({ total: 5, costSum: 6.5 });
  });

  it('agrees with the reference aggregator, however the decisions are split into batches', () => {
    const arb = fc.array(fc.record({ offsetMs: fc.integer({ min: 0, max: 5 * MINUTE }), canary: fc.boolean(), deny: fc.boolean(), cut: fc.boolean() }), { maxLength: 50 });
    fc.assert(fc.property(arb, (specs) => {
      const ds = specs.map((s, i) => decision({
        decisionId: `d-${i}`,
        timestamp: new Date(Date.parse('2025-03-01T10:00:00.000Z') + s.offsetMs).toISOString(),
        bundles: [{ policyId: 'org/payments', version: '2.0.0', cohort: 1, canary: s.canary }],
      }, { effect: s.deny ? 'deny' : 'allow' }));
      const reference = closeWindows(ds.reduce(addDecision, createWindowAggregator(MINUTE)), '2025-03-01T11:00:00.000Z').closed;
      const batches: (typeof ds)[] = [[]];
      ds.forEach((d, i) => (specs[i]?.cut ? batches.push([d]) : batches[batches.length - 1]?.push(d)));
      const summed = new Map<string, { total: number; denies: number }>();
      for (const w of batches.flatMap((b) => windowDeltas(b, MINUTE))) {
        const id = `${w.canary}|${w.windowStart}`;
        const s = summed.get(id) ?? { total: 0, denies: 0 };
        summed.set(id, { total: s.total + w.total, denies: s.denies + w.denies });
      }
      expect(Object.fromEntries(summed)).toEqual(Object.fromEntries(reference.map((w) => [`${w.canary}|${w.windowStart}`, { total: w.total, denies: w.denies }])));
    }));
  });
});
