import { celDataEquals, showCelData } from './cel-data-equals';
import type { CaseOutcome, CelUnderTest, ConformanceCase } from './conformance-case.types';

/** One case's result: passed, or why not. */
export interface CaseResult {
  readonly id: string;
  readonly suite: string;
  readonly passed: boolean;
  readonly detail: string;
}

export interface SuiteCount {
  readonly suite: string;
  readonly passed: number;
  readonly failed: number;
}

/** Runs every case against an implementation; never throws. */
export function runConformance(cel: CelUnderTest, cases: readonly ConformanceCase[]): CaseResult[] {
  return cases.map((c) => {
    let outcome: CaseOutcome;
    try {
      outcome = cel.run(c);
    } catch (e) {
      outcome = { kind: 'error', message: `threw: ${e instanceof Error ? e.message : String(e)}` };
    }
    const detail = judge(c, outcome);
    return { id: c.id, suite: c.suite, passed: detail === '', detail };
  });
}

/** '' when the outcome is what the case expects, else what differs. */
function judge(c: ConformanceCase, got: CaseOutcome): string {
  const shown = got.kind === 'value' ? showCelData(got.value) : got.kind === 'error' ? `error: ${got.message}` : `checks as ${got.type}`;
  const exp = c.expected;
  switch (exp.kind) {
    case 'error': return got.kind === 'error' ? '' : `expected an error, got ${shown}`;
    case 'checks': return got.kind === 'checks' ? '' : `expected it to type-check, got ${shown}`;
    case 'value': return got.kind === 'value' && celDataEquals(got.value, exp.value) ? '' : `expected ${showCelData(exp.value)}, got ${shown}`;
  }
}

/** Pass and fail counts per suite, in suite order. */
export function countBySuite(results: readonly CaseResult[]): SuiteCount[] {
  const counts = new Map<string, { passed: number; failed: number }>();
  for (const r of results) {
    const c = counts.get(r.suite) ?? { passed: 0, failed: 0 };
    if (r.passed) c.passed++; else c.failed++;
    counts.set(r.suite, c);
  }
  return [...counts].map(([suite, c]) => ({ suite, ...c }));
}
