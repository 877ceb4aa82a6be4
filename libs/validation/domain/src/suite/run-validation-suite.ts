import type { ValidationCheck, ValidationCoverage, ValidationImpact, ValidationProblem, ValidationReport } from '@edict/contracts';
import { compileBundle, createLocator, tierRank, type CompiledBundle } from '@edict/policy-engine';
import { bundleTestsCheck } from './bundle-tests-check';
import { skippedCheck } from './check-result';
import { identityCheck, schemaAndCelChecks } from './document-checks';
import { impactCheck } from './impact-check';
import { lintCheck } from './lint-check';
import type { ParentVersion, SuiteInput } from './suite-input.types';
import { tightenOnlyCheck } from './tighten-only-check';

const tryCompile = (document: unknown): CompiledBundle | undefined => {
  try {
    return compileBundle(document);
  } catch {
    return undefined;
  }
};

const REGO_CHECKS = ['rego-check', 'rego-test', 'rego-fmt'] as const;

/**
 * The whole suite over one version, in `VALIDATION_CHECK_NAMES` order: identity, schema,
 * cel-compile, lint, bundle-tests, tighten-only, the Rego checks (run by the caller with the
 * real `opa`) and impact. A check that cannot run is `skipped` with the reason. Pure.
 */
export function runValidationSuite(input: SuiteInput): ValidationReport {
  const locate = input.source !== undefined ? createLocator(input.source) : undefined;
  const identity = identityCheck(input.document, input.expected, locate);
  const [schema, cel] = schemaAndCelChecks(input.document, locate);
  const valid = identity.status === 'pass' && schema.status === 'pass' && cel.status === 'pass';
  const candidate = valid ? tryCompile(input.document) : undefined;
  const notCompiled = identity.status !== 'pass' ? 'the document is not the version submitted' : 'the bundle has schema or CEL errors';

  const parents = input.parents.map((p) => ({ ...p, compiled: tryCompile(p.document) }));
  const judged = parents.filter((p): p is ParentVersion & { compiled: CompiledBundle } => p.compiled !== undefined);
  const stable = judged.filter((p) => p.as === 'stable').map((p) => p.compiled).sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
  const unusable: ValidationProblem[] = parents.filter((p) => p.compiled === undefined).map((p) => ({
    code: 'VALIDATION.PARENT_NOT_COMPILED',
    severity: 'info',
    message: `${p.policyId}@${p.version} (${p.as}) does not compile and was not judged against`,
  }));

  const checks: ValidationCheck[] = [identity, schema, cel];
  let coverage: ValidationCoverage = {};
  let impact: ValidationImpact | undefined;
  if (candidate) {
    checks.push(lintCheck(input.document, locate));
    const tests = bundleTestsCheck(candidate, stable, input.settings.requireCoverage.includes(candidate.tier), locate);
    checks.push(tests.check);
    coverage = { rules: tests.coverage };
    if (candidate.tier === 'org') checks.push(skippedCheck('tighten-only', 'org policies have no parent tier'));
    else if (judged.length === 0) checks.push({ ...skippedCheck('tighten-only', 'no parent tier serves or has submitted a version'), findings: unusable });
    else {
      const check = tightenOnlyCheck(candidate, judged.map((p) => p.compiled), locate);
      checks.push({ ...check, findings: [...check.findings, ...unusable] });
    }
  } else {
    checks.push(skippedCheck('lint', notCompiled), skippedCheck('bundle-tests', notCompiled), skippedCheck('tighten-only', notCompiled));
  }
  if ('skipped' in input.rego) {
    const reason = input.rego.skipped;
    checks.push(...REGO_CHECKS.map((name) => skippedCheck(name, reason)));
  } else {
    checks.push(...input.rego.checks);
    if (input.rego.coverage) coverage = { ...coverage, rego: input.rego.coverage };
  }
  if ('skipped' in input.replaced) checks.push(skippedCheck('impact', input.replaced.skipped));
  else if (!candidate) checks.push(skippedCheck('impact', notCompiled));
  else {
    const result = impactCheck(candidate, input.replaced, stable);
    checks.push(result.check);
    impact = result.impact;
  }
  return {
    checks,
    ...(Object.keys(coverage).length > 0 && { coverage }),
    ...(impact && { impact }),
    parents: judged.map((p) => ({ policyId: p.policyId, version: p.version, as: p.as })),
  };
}

/** The verdict a report gives: failed when any check found an error; the problems and the checks that ran. */
export function verdictOf(report: ValidationReport): { outcome: 'validated' | 'failed'; checks: string[]; problems: ValidationProblem[] } {
  const problems = report.checks.flatMap((c) => c.findings);
  return {
    outcome: report.checks.some((c) => c.status === 'fail') || problems.some((p) => p.severity === 'error') ? 'failed' : 'validated',
    checks: report.checks.filter((c) => c.status !== 'skipped').map((c) => c.name),
    problems,
  };
}
