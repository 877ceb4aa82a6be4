import { accessSync, constants, statSync } from 'node:fs';
import type { ValidationCheck, ValidationProblem } from '@edict/contracts';
import { regoRootOf } from '@edict/opa-bundle';
import { checkModuleNames } from './module-names';
import { opaCheckStep } from './opa-check.step';
import { opaFmtStep } from './opa-fmt.step';
import type { RegoCoverage } from './opa-coverage';
import { opaTestStep } from './opa-test.step';
import { packageRootFindings } from './package-root.step';
import { RegoCodes } from './rego-codes';
import { error, judged, skipped } from './rego-check-result';
import type { RegoSource } from './rego-source.types';
import { withRegoWorkspace } from './rego-workspace';
import { runOpa } from './run-opa';

export interface RegoRun {
  readonly opaPath: string;
  readonly minCoverage: number;
  readonly timeoutMs: number;
  readonly policyId?: string;
}

type Result = { readonly checks: readonly ValidationCheck[]; readonly coverage?: RegoCoverage };

const allFail = (finding: ValidationProblem, summary: string): Result => ({
  checks: (['rego-check', 'rego-test', 'rego-fmt'] as const).map((name) => judged(name, [finding], summary)),
});

const unavailable = (opaPath: string): ValidationProblem | undefined => {
  try {
    accessSync(opaPath, constants.X_OK);
    return statSync(opaPath).isFile() ? undefined : error(RegoCodes.OPA_UNAVAILABLE, `opa is not available: ${opaPath} is not a file`);
  } catch {
    return error(RegoCodes.OPA_UNAVAILABLE, `opa is not available: ${opaPath} does not exist or is not executable`);
  }
};

/** check (and the package roots), then test with coverage, then fmt, in one private temp dir. */
export async function runRegoChecksIn(rego: RegoSource, run: RegoRun): Promise<Result> {
  const modules = rego.modules ?? {};
  const names = Object.keys(modules);
  const refused = checkModuleNames(names);
  if (refused.length > 0) {
    return { checks: [judged('rego-check', refused, 'module file names refused'), skipped('rego-test', 'module file names refused'), skipped('rego-fmt', 'module file names refused')] };
  }
  if (names.length === 0) return { checks: (['rego-check', 'rego-test', 'rego-fmt'] as const).map((n) => skipped(n, 'spec.rego has no modules')) };
  const missing = unavailable(run.opaPath);
  if (missing) return allFail(missing, 'opa is not available');
  const root = run.policyId === undefined ? undefined : regoRootOf(run.policyId);
  const deadline = Date.now() + run.timeoutMs;
  try {
    return await withRegoWorkspace(rego, root, async (dir) => {
      const opa = (args: readonly string[]) => runOpa(run.opaPath, args, dir, deadline - Date.now());
      const checked = await opaCheckStep(opa);
      const lost = checked.findings.find((f) => f.code === RegoCodes.OPA_UNAVAILABLE);
      if (lost) return allFail(lost, 'opa is not available');
      const parsed = checked.status === 'pass';
      const outside = parsed && root !== undefined ? await packageRootFindings(opa, root, modules) : [];
      const check = outside.length === 0 ? checked : judged('rego-check', outside, `opa check --strict: no errors; ${outside.length} outside the root ${root ?? ''}`);
      const test = parsed ? await opaTestStep(opa, run.minCoverage) : { check: skipped('rego-test', 'opa check failed') };
      const fmt = await opaFmtStep(opa, checked.findings.some((f) => f.code === RegoCodes.CHECK_FAILED));
      return { checks: [check, test.check, fmt], ...(test.coverage ? { coverage: test.coverage } : {}) };
    });
  } catch (cause) {
    const finding = error(RegoCodes.OPA_FAILED, `the Rego modules could not be prepared for opa: ${cause instanceof Error ? cause.message : String(cause)}`);
    return allFail(finding, 'opa could not be run');
  }
}
