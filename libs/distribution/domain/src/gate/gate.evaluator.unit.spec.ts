import fc from 'fast-check';
import { ValidationError } from '@edict/core';
import { evaluateGate } from './gate.evaluator';
import { defaultGateThresholds as defaults, type WindowTotals } from './gate.types';

const started = '2025-03-01T00:00:00.000Z';
const soaked = '2025-03-02T00:00:00.000Z';
const healthy: WindowTotals = { total: 1000, errors: 10, denies: 100, meanEvaluationNs: 110_000, costSum: 1100 };
const stable: WindowTotals = { total: 9000, errors: 50, denies: 900, meanEvaluationNs: 100_000, costSum: 9000 };

describe('evaluateGate', () => {
  it('holds the runbook defaults', () => {
    expect(defaults).toEqual({ minDecisions: 100, maxErrorRate: 0.05, maxDenyRate: 0.3, maxCostIncrease: 0.2, soakMs: 86_400_000 });
  });

  it('passes a healthy canary that soaked 24 h', () => {
    expect(evaluateGate({ canary: healthy, stable }, defaults, started, soaked)).toEqual({ passed: true, reasons: [] });
  });

  it('passes exactly at each limit (the runbook says ≤)', () => {
    const atLimits = { total: 100, errors: 5, denies: 30, meanEvaluationNs: 120_000, costSum: 120 };
    expect(evaluateGate({ canary: atLimits, stable }, defaults, started, soaked).passed).toBe(true);
  });

  it.each([
    [{ ...healthy, total: 99, errors: 0, denies: 0 }, /99 decisions, fewer than the 100/],
    [{ ...healthy, errors: 72 }, /error rate 7\.2% exceeds 5\.0%/],
    [{ ...healthy, denies: 301 }, /deny rate 30\.1% exceeds 30\.0%/],
    [{ ...healthy, costSum: 1210 }, /cost per decision \+21\.0% against stable exceeds \+20\.0%/],
  ])('fails %o with a reason', (canary, reason) => {
    const verdict = evaluateGate({ canary, stable }, defaults, started, soaked);
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons).toEqual([expect.stringMatching(reason)]);
  });

  it('fails a step that has not soaked long enough', () => {
    const verdict = evaluateGate({ canary: healthy, stable }, defaults, started, '2025-03-01T23:59:00.000Z');
    expect(verdict).toEqual({ passed: false, reasons: ['soaked 1439 min of the 1440 min required'] });
  });

  it('lists every failing gate at once', () => {
    const bad = { total: 200, errors: 20, denies: 100, meanEvaluationNs: 200_000, costSum: 400 };
    expect(evaluateGate({ canary: bad, stable }, defaults, soaked, soaked).reasons).toHaveLength(4);
  });

  it('skips the cost gate on a first rollout (no stable to compare with)', () => {
    expect(evaluateGate({ canary: { ...healthy, costSum: 9e9 } }, defaults, started, soaked).passed).toBe(true);
  });

  it('never gates on evaluation time: a canary 100× slower but no costlier passes', () => {
    expect(evaluateGate({ canary: { ...healthy, meanEvaluationNs: 10_000_000 }, stable }, defaults, started, soaked)).toEqual({ passed: true, reasons: [] });
  });

  it('compares declared cost per decision, not the sums (a canary has far fewer decisions than stable)', () => {
    // 1,000 canary decisions costing 2,500 against 9,000 stable ones costing 9,000: +150 % per decision
    expect(evaluateGate({ canary: { ...healthy, costSum: 2500 }, stable }, defaults, started, soaked).reasons).toEqual(['cost per decision +150.0% against stable exceeds +20.0%']);
  });

  it.each([
    ['the canary declared no cost', { ...healthy, costSum: undefined }, stable],
    ['stable declared no cost', { ...healthy, costSum: 9e9 }, { ...stable, costSum: undefined }],
    ['stable costs nothing', { ...healthy, costSum: 9e9 }, { ...stable, costSum: 0 }],
    ['stable made no decisions', { ...healthy, costSum: 9e9 }, { ...stable, total: 0, errors: 0, denies: 0 }],
  ])('skips the cost gate when %s', (_why, canary, base) => {
    expect(evaluateGate({ canary, stable: base }, defaults, started, soaked).passed).toBe(true);
  });

  it('honours configured thresholds', () => {
    const strict = { ...defaults, maxErrorRate: 0.001, soakMs: 0 };
    expect(evaluateGate({ canary: healthy, stable }, strict, started, started).reasons).toEqual(['error rate 1.0% exceeds 0.1%']);
  });

  it('refuses a timestamp it cannot read', () => {
    expect(() => evaluateGate({ canary: healthy }, defaults, 'yesterday', soaked)).toThrow(ValidationError);
  });

  it('never passes below the minimum count, whatever the rates and soak', () => {
    const totals = fc.integer({ min: 0, max: 99 }).chain((total) =>
      fc.record({
        total: fc.constant(total),
        errors: fc.integer({ min: 0, max: total }),
        denies: fc.integer({ min: 0, max: total }),
        meanEvaluationNs: fc.integer({ min: 0, max: 1e9 }),
      }));
    fc.assert(fc.property(totals, fc.option(fc.constant(stable), { nil: undefined }), (canary, base) => {
      expect(evaluateGate({ canary, ...(base ? { stable: base } : {}) }, defaults, started, soaked).passed).toBe(false);
    }));
  });
});
