import type { ValidationCheck, ValidationCoverage, ValidationProblem } from '@edict/contracts';
import { runBundleTests, type CompiledBundle, type Locator } from '@edict/policy-engine';
import { ranCheck, toFinding } from './check-result';

/**
 * `bundle-tests`: every `spec.tests` case must pass (a failure is an error). Rules no test
 * reached are listed in the coverage; when the tier requires full coverage each is an error,
 * otherwise a note.
 */
export function bundleTestsCheck(candidate: CompiledBundle, parents: readonly CompiledBundle[], required: boolean, locate?: Locator): { check: ValidationCheck; coverage: NonNullable<ValidationCoverage['rules']> } {
  const report = runBundleTests(candidate, parents);
  const findings: ValidationProblem[] = [];
  report.results.forEach((result, i) => {
    if (!result.passed) {
      findings.push(toFinding({ code: 'VALIDATION.TEST_FAILED', severity: 'error', path: `spec.tests[${i}]`, message: `test '${result.name}' failed: ${result.failures.join('; ')}` }, locate));
    }
  });
  const index = new Map(candidate.rules.map((r) => [r.id, r.index]));
  for (const rule of report.unreachedRules) {
    findings.push(toFinding({
      code: 'VALIDATION.RULE_NOT_COVERED',
      severity: required ? 'error' : 'info',
      path: `spec.rules[${index.get(rule) ?? 0}]`,
      message: `no test reaches rule '${rule}'${required ? ` (the ${candidate.tier} tier requires every rule to be tested)` : ''}`,
    }, locate));
  }
  const total = candidate.rules.length;
  const unreached = report.unreachedRules.length;
  const summary = `${report.passed} of ${report.total} tests passed, ${total - unreached} of ${total} rules reached${required ? ' (full coverage required)' : ''}`;
  return { check: ranCheck('bundle-tests', findings, summary), coverage: { total, reached: total - unreached, unreached: report.unreachedRules, required } };
}
