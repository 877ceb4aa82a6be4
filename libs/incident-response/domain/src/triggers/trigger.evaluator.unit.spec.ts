import fc from 'fast-check';
import type { DecisionWindowClosed } from '@edict/contracts';
import { evaluateBudget, evaluateTriggers } from './trigger.evaluator';
import { defaultTriggerThresholds } from './trigger.types';

const HOUR = 3_600_000;
const window = (counts: Partial<DecisionWindowClosed['data']> = {}): DecisionWindowClosed['data'] => ({
  policyId: 'org/payments', version: '2.2.0', canary: true,
  windowStart: '2025-03-01T10:00:00.000Z', windowEnd: '2025-03-01T10:05:00.000Z',
  total: 1000, errors: 0, denies: 0, noMatches: 0, meanEvaluationNs: 100_000, ...counts,
});
const young = { activeForMs: HOUR };
const kinds = (w: DecisionWindowClosed['data'], age = young, baseline?: { costPerDecision: number }) =>
  evaluateTriggers(w, baseline, age).map((t) => [t.kind, t.action]);

describe('evaluateTriggers', () => {
  it('fires nothing for a healthy window', () => {
    expect(evaluateTriggers(window({ errors: 10, denies: 200, noMatches: 50 }), { costPerDecision: 2 }, young)).toEqual([]);
  });

  it('fires every runbook trigger above its threshold', () => {
    const w = window({ errors: 120, denies: 501, noMatches: 201, costSum: 3010 });
    expect(kinds(w, young, { costPerDecision: 2 })).toEqual([
      ['error_rate', 'rollback'], ['deny_rate', 'rollback'], ['cost', 'rollback'], ['no_match', 'rollback'],
    ]);
  });

  it('compares strictly: exactly at a threshold is not above it', () => {
    expect(kinds(window({ errors: 50, denies: 500, noMatches: 200, costSum: 3000 }), young, { costPerDecision: 2 })).toEqual([]);
  });

  it('has no cost trigger without a baseline or without a declared cost', () => {
    expect(kinds(window({ costSum: 9e9 }))).toEqual([]);
    expect(kinds(window({}), young, { costPerDecision: 2 })).toEqual([]);
  });

  it('never reads evaluation time as cost: latency noise opens nothing', () => {
    expect(kinds(window({ meanEvaluationNs: 9e9, costSum: 2000 }), young, { costPerDecision: 2 })).toEqual([]);
    expect(kinds(window({ meanEvaluationNs: 1 }), young, { costPerDecision: 2 })).toEqual([]);
  });

  describe('the decision matrix weighs errors by age', () => {
    it.each([
      [0, 51, 'rollback'],
      [2 * HOUR - 1, 51, 'rollback'],
      [2 * HOUR, 101, 'rollback'],
      [12 * HOUR, 151, 'rollback'],
      [24 * HOUR, 201, 'investigate'],
      [90 * 24 * HOUR, 201, 'investigate'],
    ])('at age %i ms, %i errors in 1000 → %s', (activeForMs, errors, action) => {
      expect(kinds(window({ errors }), { activeForMs })).toEqual([['error_rate', action]]);
    });

    it.each([
      [2 * HOUR, 100], [12 * HOUR, 150], [24 * HOUR, 200],
    ])('at age %i ms, %i errors in 1000 stay under the band', (activeForMs, errors) => {
      expect(kinds(window({ errors }), { activeForMs })).toEqual([]);
    });

    it('asks to investigate, not roll back, any trigger on a bundle older than 24 h', () => {
      expect(kinds(window({ denies: 600 }), { activeForMs: 25 * HOUR })).toEqual([['deny_rate', 'investigate']]);
    });

    it('treats a window that began before the rollout as age 0', () => {
      expect(kinds(window({ errors: 51 }), { activeForMs: -5000 })).toEqual([['error_rate', 'rollback']]);
    });
  });

  it('rates severity: critical outside the canary for > 10% errors or mass denials, high otherwise', () => {
    const sev = (counts: Partial<DecisionWindowClosed['data']>) => evaluateTriggers(window(counts), undefined, young).map((t) => t.severity);
    expect(sev({ canary: false, errors: 101 })).toEqual(['critical']);
    expect(sev({ canary: false, errors: 60 })).toEqual(['high']);
    expect(sev({ canary: false, denies: 600 })).toEqual(['critical']);
    expect(sev({ canary: true, errors: 500 })).toEqual(['high']);
  });

  it('carries its evidence and a readable summary', () => {
    const [t] = evaluateTriggers(window({ errors: 123 }), undefined, young);
    expect(t).toMatchObject({ observed: 0.123, threshold: 0.05, sampleSize: 1000, canary: true });
    expect(t?.summary).toBe('org/payments@2.2.0 (canary): error rate 12.3% > 5.0% over 1000 decisions, bundle active 1.0 h → rollback');
  });

  it('does not trigger on 1 error in 2 decisions: below the minimum sample size of 100', () => {
    expect(defaultTriggerThresholds.minSampleSize).toBe(100);
    expect(kinds(window({ total: 2, errors: 1 }))).toEqual([]);
    expect(kinds(window({ total: 99, errors: 99, denies: 99, noMatches: 99 }))).toEqual([]);
  });

  it('never fires below the minimum sample size, whatever the counts and age', () => {
    const small = fc.integer({ min: 0, max: 99 }).chain((total) => fc.record({
      total: fc.constant(total),
      errors: fc.integer({ min: 0, max: total }),
      denies: fc.integer({ min: 0, max: total }),
      noMatches: fc.integer({ min: 0, max: total }),
      costSum: fc.integer({ min: 0, max: 1e9 }),
    }));
    fc.assert(fc.property(small, fc.nat(), (counts, activeForMs) => {
      expect(evaluateTriggers(window(counts), { costPerDecision: 0.001 }, { activeForMs })).toEqual([]);
    }));
  });

  it('honours configured thresholds', () => {
    const t = { ...defaultTriggerThresholds, minSampleSize: 2 };
    expect(evaluateTriggers(window({ total: 2, errors: 1 }), undefined, young, t).map((x) => x.kind)).toEqual(['error_rate']);
  });
});

describe('evaluateBudget (PolicyBudgetHigh)', () => {
  const budgeted = { ...defaultTriggerThresholds, dailyCostBudget: 1000 };

  it('stays silent without a budget, and under 80% of it', () => {
    expect(evaluateBudget(window(), 5000, defaultTriggerThresholds)).toBeNull();
    expect(evaluateBudget(window(), 799, budgeted)).toBeNull();
  });

  it('warns at 80% of the daily budget, MEDIUM and investigate: it never rolls back', () => {
    expect(evaluateBudget(window(), 800, budgeted)).toMatchObject({ kind: 'budget', observed: 0.8, threshold: 0.8, severity: 'medium', action: 'investigate' });
    expect(evaluateBudget(window(), 800, budgeted)?.summary).toBe('org/payments: cost 800 is 80.0% of the daily budget 1000 (alert at 80.0%)');
  });
});
