import type { ValidationCheck, ValidationProblem } from '@edict/contracts';
import { workspaceRelative } from './opa-json';
import { opaRunFailure, opaUnexpected } from './opa-run-failure';
import type { Opa } from './opa-runner.types';
import { RegoCodes } from './rego-codes';
import { judged, skipped } from './rego-check-result';

/**
 * `opa fmt --list .`: each file it would change is a WARNING, never a failure. `opa fmt` stops at
 * the first module that does not parse, so when `opa check` refused a module its refusal means "skipped".
 */
export async function opaFmtStep(opa: Opa, modulesRefused: boolean): Promise<ValidationCheck> {
  const run = await opa(['fmt', '--list', '.']);
  if (run.kind !== 'exited') return judged('rego-fmt', [opaRunFailure(run, 'fmt')], `opa fmt did not run (${run.kind})`);
  if (run.code !== 0) {
    return modulesRefused ? skipped('rego-fmt', 'a module does not parse') : judged('rego-fmt', [opaUnexpected('fmt --list', run.code, run.stderr || run.stdout)], 'opa fmt failed');
  }
  const files = run.stdout.split('\n').map((l) => workspaceRelative(l.trim())).filter((l) => l.length > 0);
  const findings: ValidationProblem[] = files.map((file) => ({
    code: RegoCodes.NOT_FORMATTED,
    severity: 'warning',
    file,
    message: `${file} is not formatted as opa fmt formats it (run: opa fmt -w ${file})`,
  }));
  return judged('rego-fmt', findings, files.length === 0 ? 'every module is formatted' : `${files.length} of the modules not formatted (warning)`);
}
