import type { ValidationCheck, ValidationProblem } from '@edict/contracts';
import { isObject, locationOf, objectsIn, parseJson, stringAt } from './opa-json';
import { opaRunFailure, opaUnexpected } from './opa-run-failure';
import type { Opa } from './opa-runner.types';
import { RegoCodes } from './rego-codes';
import { error, judged } from './rego-check-result';

/** `opa check --strict --format json .`: each error a finding at its file, line and column. */
export async function opaCheckStep(opa: Opa): Promise<ValidationCheck> {
  const run = await opa(['check', '--strict', '--format', 'json', '.']);
  if (run.kind !== 'exited') return judged('rego-check', [opaRunFailure(run, 'check')], `opa check did not run (${run.kind})`);
  if (run.code === 0) return judged('rego-check', [], 'opa check --strict: no errors');
  // the error report goes to stderr (stdout in some versions): take whichever holds it
  const report = [run.stdout, run.stderr].map(parseJson).find((r) => isObject(r) && Array.isArray(r['errors']));
  const errors = isObject(report) ? objectsIn(report['errors']) : [];
  if (errors.length === 0) return judged('rego-check', [opaUnexpected('check', run.code, run.stderr || run.stdout)], 'opa check failed');
  const findings: ValidationProblem[] = errors.map((e) => {
    const code = stringAt(e, 'code');
    const message = stringAt(e, 'message') ?? 'error';
    return error(RegoCodes.CHECK_FAILED, code ? `${code}: ${message}` : message, locationOf(e));
  });
  return judged('rego-check', findings, `opa check --strict: ${findings.length} error${findings.length === 1 ? '' : 's'}`);
}
