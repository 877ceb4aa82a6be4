import { ValidationError } from '@edict/core';
import { gateReport, requirePlausibleTotals } from './gate.report';
import { defaultGateThresholds as defaults } from './gate.types';

const started = '2025-03-01T00:00:00.000Z';
const stable = { total: 9000, errors: 50, denies: 900, meanEvaluationNs: 100_000, costSum: 9000 };

describe('gateReport', () => {
  it('shows each gate with value, threshold and pass/fail, and the soak remaining', () => {
    const report = gateReport({ canary: { total: 200, errors: 20, denies: 20, meanEvaluationNs: 110_000, costSum: 220 }, stable }, defaults, started, '2025-03-01T18:00:00.000Z');
    expect(report.passed).toBe(false);
    expect(report.decisionsCounted).toBe(200);
    expect(report.soakRemainingMs).toBe(6 * 3_600_000);
    expect(report.gates.map((g) => [g.gate, g.passed])).toEqual([['decisions', true], ['error-rate', false], ['deny-rate', true], ['cost', true], ['soak', false]]);
    expect(report.gates[1]).toMatchObject({ value: 0.1, threshold: 0.05 });
    expect(report.gates[3]?.value).toBeCloseTo(0.1);
  });

  it('agrees with the verdict when every gate passes', () => {
    const report = gateReport({ canary: { total: 1000, errors: 10, denies: 100, meanEvaluationNs: 100_000, costSum: 1000 }, stable }, defaults, started, '2025-03-02T00:00:00.000Z');
    expect(report).toMatchObject({ passed: true, reasons: [], soakRemainingMs: 0 });
    expect(report.gates.every((g) => g.passed)).toBe(true);
  });

  it('shows the declared cost per decision against stable, whatever the evaluation time', () => {
    const canary = { total: 1000, errors: 10, denies: 100, meanEvaluationNs: 50_000_000, costSum: 1500 };
    const report = gateReport({ canary, stable }, defaults, started, '2025-03-02T00:00:00.000Z');
    expect(report.gates[3]).toMatchObject({ gate: 'cost', passed: false });
    expect(report.gates[3]?.value).toBeCloseTo(0.5);
    expect(report.reasons).toEqual(['cost per decision +50.0% against stable exceeds +20.0%']);
  });

  it('shows the cost gate as not measurable (null, passed) without declared costs', () => {
    const report = gateReport({ canary: { total: 1000, errors: 10, denies: 100, meanEvaluationNs: 9e9 }, stable: { ...stable, costSum: undefined } }, defaults, started, '2025-03-02T00:00:00.000Z');
    expect(report.gates[3]).toMatchObject({ gate: 'cost', value: null, passed: true });
  });
});

describe('requirePlausibleTotals', () => {
  it.each([
    [{ total: -1, errors: 0, denies: 0, meanEvaluationNs: 0 }],
    [{ total: 10, errors: 11, denies: 0, meanEvaluationNs: 0 }],
    [{ total: 10, errors: 0, denies: 0.5, meanEvaluationNs: 0 }],
    [{ total: 10, errors: 0, denies: 0, meanEvaluationNs: -5 }],
    [{ total: 10, errors: 0, denies: 0, meanEvaluationNs: 0, costSum: -1 }],
    [{ total: 10, errors: 0, denies: 0, meanEvaluationNs: 0, costSum: Number.NaN }],
  ])('refuses %o', (totals) => {
    expect(() => requirePlausibleTotals(totals, 'canary')).toThrow(ValidationError);
  });

  it('accepts plausible counts', () => {
    expect(() => requirePlausibleTotals({ total: 10, errors: 10, denies: 0, meanEvaluationNs: 0 }, 'canary')).not.toThrow();
  });
});
