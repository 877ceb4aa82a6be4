import { ValidationError } from '@edict/core';
import { gateReport, requirePlausibleTotals } from './gate.report';
import { defaultGateThresholds as defaults } from './gate.types';

const started = '2025-03-01T00:00:00.000Z';
const stable = { total: 9000, errors: 50, denies: 900, meanEvaluationNs: 100_000 };

describe('gateReport', () => {
  it('shows each gate with value, threshold and pass/fail, and the soak remaining', () => {
    const report = gateReport({ canary: { total: 200, errors: 20, denies: 20, meanEvaluationNs: 110_000 }, stable }, defaults, started, '2025-03-01T18:00:00.000Z');
    expect(report.passed).toBe(false);
    expect(report.decisionsCounted).toBe(200);
    expect(report.soakRemainingMs).toBe(6 * 3_600_000);
    expect(report.gates.map((g) => [g.gate, g.passed])).toEqual([['decisions', true], ['error-rate', false], ['deny-rate', true], ['cost', true], ['soak', false]]);
    expect(report.gates[1]).toMatchObject({ value: 0.1, threshold: 0.05 });
    expect(report.gates[3]?.value).toBeCloseTo(0.1);
  });

  it('agrees with the verdict when every gate passes', () => {
    const report = gateReport({ canary: { total: 1000, errors: 10, denies: 100, meanEvaluationNs: 100_000 }, stable }, defaults, started, '2025-03-02T00:00:00.000Z');
    expect(report).toMatchObject({ passed: true, reasons: [], soakRemainingMs: 0 });
    expect(report.gates.every((g) => g.passed)).toBe(true);
  });
});

describe('requirePlausibleTotals', () => {
  it.each([
    [{ total: -1, errors: 0, denies: 0, meanEvaluationNs: 0 }],
    [{ total: 10, errors: 11, denies: 0, meanEvaluationNs: 0 }],
    [{ total: 10, errors: 0, denies: 0.5, meanEvaluationNs: 0 }],
    [{ total: 10, errors: 0, denies: 0, meanEvaluationNs: -5 }],
  ])('refuses %o', (totals) => {
    expect(() => requirePlausibleTotals(totals, 'canary')).toThrow(ValidationError);
  });

  it('accepts plausible counts', () => {
    expect(() => requirePlausibleTotals({ total: 10, errors: 10, denies: 0, meanEvaluationNs: 0 }, 'canary')).not.toThrow();
  });
});
