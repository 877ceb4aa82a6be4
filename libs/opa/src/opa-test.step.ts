import type { ValidationCheck, ValidationProblem } from '@edict/contracts';
import { parseCoverage, type RegoCoverage } from './opa-coverage';
import { parseTestResults, parseTextErrors } from './opa-test-results';
import { parseJson } from './opa-json';
import { opaRunFailure, opaUnexpected } from './opa-run-failure';
import type { Opa } from './opa-runner.types';
import { RegoCodes } from './rego-codes';
import { error, judged } from './rego-check-result';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `opa test --format json .` for the results, then — when every test passed — `opa test
 * --coverage --format json .` for the coverage (with failing tests OPA prints no coverage JSON).
 */
export async function opaTestStep(opa: Opa, minCoverage: number): Promise<{ check: ValidationCheck; coverage?: RegoCoverage }> {
  const run = await opa(['test', '--format', 'json', '.']);
  if (run.kind !== 'exited') return { check: judged('rego-test', [opaRunFailure(run, 'test')], `opa test did not run (${run.kind})`) };
  const results = run.code === 0 || run.code === 2 ? parseTestResults(parseJson(run.stdout)) : undefined;
  if (!results) {
    const compile = parseTextErrors(run.stderr);
    const findings = compile.length > 0 ? compile : [opaUnexpected('test', run.code, run.stderr || run.stdout)];
    return { check: judged('rego-test', findings, 'opa test could not load the modules with their data') };
  }
  const ran = `${plural(results.total - results.skipped, 'test')}, ${results.passed} passed${results.skipped ? `, ${results.skipped} todo` : ''}`;
  if (results.findings.length > 0) return { check: judged('rego-test', results.findings, `${ran}, ${results.findings.length} failed; coverage not measured`) };
  if (results.passed === 0) {
    const noTests: ValidationProblem = minCoverage > 0
      ? error(RegoCodes.NO_TESTS, `the modules have no tests (test_* rules) and the minimum coverage is ${minCoverage}%`)
      : { code: RegoCodes.NO_TESTS, severity: 'warning', message: 'the modules have no tests (test_* rules)' };
    return { check: judged('rego-test', [noTests], 'no tests') };
  }
  const covered = await opa(['test', '--coverage', '--format', 'json', '.']);
  if (covered.kind !== 'exited') return { check: judged('rego-test', [opaRunFailure(covered, 'test --coverage')], `${ran}; coverage not measured`) };
  const coverage = covered.code === 0 ? parseCoverage(parseJson(covered.stdout), minCoverage) : undefined;
  if (!coverage) return { check: judged('rego-test', [opaUnexpected('test --coverage', covered.code, covered.stderr || covered.stdout)], `${ran}; coverage not measured`) };
  const below = coverage.percentage < minCoverage
    ? [error(RegoCodes.COVERAGE_BELOW_MINIMUM, `Rego coverage is ${coverage.percentage}%, below the minimum of ${minCoverage}%; uncovered lines: ${describeUncovered(coverage)}`)]
    : [];
  return { check: judged('rego-test', below, `${ran}; coverage ${coverage.percentage}% (minimum ${minCoverage}%)`), coverage };
}

const describeUncovered = (coverage: RegoCoverage): string =>
  Object.entries(coverage.uncovered).map(([file, lines]) => `${file} ${lines.join(',')}`).join('; ') || 'none';
