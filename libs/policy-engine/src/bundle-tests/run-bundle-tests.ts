import type { CompiledBundle } from '../compile/compiled-bundle.types';
import { evaluate } from '../evaluate/evaluate';
import type { BundleTestCase } from '../model/bundle-document.types';
import type { TestCaseResult, TestReport } from './test-report.types';

/** Compares a test's expectations with the bundle's own outcome; returns what differs. */
function failuresOf(test: BundleTestCase, actual: TestCaseResult['actual']): string[] {
  const failures: string[] = [];
  if (actual.error) failures.push(`evaluation failed (${actual.error.code}): ${actual.error.message}`);
  if (actual.effect !== test.expect.effect) failures.push(`expected effect ${test.expect.effect}, got ${actual.effect}`);
  if (test.expect.rule !== undefined && test.expect.rule !== actual.rule) {
    failures.push(`expected rule ${test.expect.rule === null ? '(none: default effect)' : `'${test.expect.rule}'`}, got ${actual.rule === null ? '(none: default effect)' : `'${actual.rule}'`}`);
  }
  if (test.expect.noMatch !== undefined && test.expect.noMatch !== actual.noMatch) failures.push(`expected noMatch ${test.expect.noMatch}, got ${actual.noMatch}`);
  return failures;
}

/**
 * Runs a bundle's `spec.tests`. Each test checks the bundle's own outcome (effect, and the
 * rule or no-match when given), so a bundle's tests mean the same with or without its
 * parents; with parents, the combined decision is reported beside it. A test whose
 * evaluation errors fails. Rules that decided no test are listed as unreached.
 */
export function runBundleTests(compiled: CompiledBundle, parents: readonly CompiledBundle[] = []): TestReport {
  const chain = [...parents, compiled];
  const reached = new Set<string>();
  const results: TestCaseResult[] = (compiled.document.spec.tests ?? []).map((test) => {
    const decision = evaluate(chain, test.request);
    const own = decision.tiers[parents.length]!;
    const actual = { effect: own.effect, rule: own.rule, noMatch: own.noMatch, ...(own.error && { error: own.error }) };
    if (own.rule !== null && !own.error) reached.add(own.rule);
    const failures = failuresOf(test, actual);
    return {
      name: test.name,
      passed: failures.length === 0,
      failures,
      expected: test.expect,
      actual,
      ...(parents.length > 0 && { combined: { effect: decision.effect, decidingTier: decision.decidingTier, decidingRule: decision.decidingRule } }),
    };
  });
  const passed = results.filter((r) => r.passed).length;
  const unreachedRules = [...compiled.rules].sort((a, b) => a.index - b.index).map((r) => r.id).filter((id) => !reached.has(id));
  return { policyId: compiled.policyId, version: compiled.version, total: results.length, passed, failed: results.length - passed, results, unreachedRules };
}
