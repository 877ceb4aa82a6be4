import fc from 'fast-check';
import { ValidationError } from '@edict/core';
import { aDecision as decision } from '@edict/testing';
import { addDecision } from './window.aggregator';
import { closeWindows } from './window.closer';
import { createWindowAggregator, type WindowAggregator } from './window.state';

const MINUTE = 60_000;
const feed = (agg: WindowAggregator, ds: Parameters<typeof addDecision>[1][]) => ds.reduce(addDecision, agg);
const canaryRef = { policyId: 'org/payments', version: '2.1.0', cohort: 3, canary: true };

describe('window aggregator', () => {
  it('counts decisions into epoch-aligned windows and closes them into DecisionWindowClosed data', () => {
    const agg = feed(createWindowAggregator(MINUTE), [
      decision({ evaluationNs: 1000 }),
      decision({ evaluationNs: 2000 }, { effect: 'deny' }),
      decision({ evaluationNs: 3001 }, { noMatch: true, effect: 'deny', error: { code: 'CEL', message: 'boom' } }),
    ]);
    const { closed, aggregator } = closeWindows(agg, '2025-03-01T10:01:00.000Z');
    expect(closed).toEqual([{
      policyId: 'org/payments', version: '2.0.0', canary: false,
      windowStart: '2025-03-01T10:00:00.000Z', windowEnd: '2025-03-01T10:01:00.000Z',
      total: 3, errors: 1, denies: 1, noMatches: 1, meanEvaluationNs: 2000,
    }]);
    expect(aggregator.open).toEqual({});
  });

  it('keeps canary and stable cohorts of a policy apart', () => {
    const agg = feed(createWindowAggregator(MINUTE), [
      decision(),
      decision({ version: '2.1.0', bundles: [canaryRef] }),
    ]);
    const { closed } = closeWindows(agg, '2025-03-01T11:00:00.000Z');
    expect(closed.map((w) => [w.version, w.canary, w.total])).toEqual([['2.0.0', false, 1], ['2.1.0', true, 1]]);
  });

  it('counts a decision for every tier that took part, once per policy', () => {
    const team = { policyId: 'teams/pay/refunds', version: '1.3.0', cohort: 77, canary: false };
    const d = decision({ policyId: 'teams/pay/refunds', version: '1.3.0', bundles: [canaryRef, team, team] });
    const { closed } = closeWindows(addDecision(createWindowAggregator(MINUTE), d), '2025-03-01T11:00:00.000Z');
    expect(closed.map((w) => [w.policyId, w.version, w.canary, w.total])).toEqual([
      ['org/payments', '2.1.0', true, 1], ['teams/pay/refunds', '1.3.0', false, 1],
    ]);
  });

  it('counts the asked policy even when the PDP did not list it, as not canary', () => {
    const { closed } = closeWindows(addDecision(createWindowAggregator(MINUTE), decision({ bundles: [] })), '2025-03-01T11:00:00.000Z');
    expect(closed.map((w) => [w.policyId, w.canary])).toEqual([['org/payments', false]]);
  });

  it('counts decisions with no active version nowhere', () => {
    const agg = addDecision(createWindowAggregator(MINUTE), decision({ version: null }));
    expect(agg.open).toEqual({});
  });

  it('closes only windows whose end is at or before now', () => {
    const agg = feed(createWindowAggregator(MINUTE), [decision(), decision({ timestamp: '2025-03-01T10:01:10.000Z' })]);
    const first = closeWindows(agg, '2025-03-01T10:01:30.000Z');
    expect(first.closed.map((w) => w.windowStart)).toEqual(['2025-03-01T10:00:00.000Z']);
    expect(Object.keys(first.aggregator.open)).toHaveLength(1);
    expect(closeWindows(first.aggregator, '2025-03-01T10:01:59.999Z').closed).toEqual([]);
  });

  it('drops and counts decisions that arrive after their window closed', () => {
    const { aggregator } = closeWindows(createWindowAggregator(MINUTE), '2025-03-01T10:01:00.000Z');
    const late = addDecision(aggregator, decision());
    expect(late.open).toEqual({});
    expect(late.lateDecisions).toBe(1);
  });

  it('never moves the watermark backwards', () => {
    const { aggregator } = closeWindows(createWindowAggregator(MINUTE), '2025-03-01T10:05:00.000Z');
    expect(closeWindows(aggregator, '2025-03-01T10:00:00.000Z').aggregator.closedThrough).toBe('2025-03-01T10:05:00.000Z');
  });

  it('refuses a bad window length and an unreadable timestamp', () => {
    expect(() => createWindowAggregator(0)).toThrow(ValidationError);
    expect(() => createWindowAggregator(1.5)).toThrow(ValidationError);
    expect(() => addDecision(createWindowAggregator(MINUTE), decision({ timestamp: 'now' }))).toThrow(ValidationError);
  });

  it('loses no decision: closed totals add up to the decisions counted, whatever their order', () => {
    const arb = fc.array(fc.record({
      offsetMs: fc.integer({ min: 0, max: 10 * MINUTE }),
      canary: fc.boolean(),
      version: fc.constantFrom('2.0.0', '2.1.0', null),
      error: fc.boolean(),
    }), { maxLength: 60 });
    fc.assert(fc.property(arb, (specs) => {
      const ds = specs.map((s, i) => decision({
        decisionId: `d-${i}`,
        timestamp: new Date(Date.parse('2025-03-01T10:00:00.000Z') + s.offsetMs).toISOString(),
        version: s.version,
        bundles: s.version === null ? [] : [{ policyId: 'org/payments', version: s.version, cohort: 1, canary: s.canary }],
      }, s.error ? { error: { code: 'E', message: 'e' } } : {}));
      const { closed } = closeWindows(feed(createWindowAggregator(MINUTE), ds), '2025-03-01T11:00:00.000Z');
      const counted = specs.filter((s) => s.version !== null);
      expect(closed.reduce((n, w) => n + w.total, 0)).toBe(counted.length);
      expect(closed.reduce((n, w) => n + w.errors, 0)).toBe(counted.filter((s) => s.error).length);
      expect(closeWindows(feed(createWindowAggregator(MINUTE), [...ds].reverse()), '2025-03-01T11:00:00.000Z').closed).toEqual(closed);
    }));
  });
});
