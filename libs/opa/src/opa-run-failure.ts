import type { ValidationProblem } from '@edict/contracts';
import { RegoCodes } from './rego-codes';
import { error } from './rego-check-result';
import type { OpaRun } from './run-opa';

/** The finding for an `opa <command>` that could not be run, crashed or timed out. */
export function opaRunFailure(run: Exclude<OpaRun, { kind: 'exited' }>, command: string): ValidationProblem {
  switch (run.kind) {
    case 'unavailable':
      return error(RegoCodes.OPA_UNAVAILABLE, `opa is not available: ${run.message}`);
    case 'crashed':
      return error(RegoCodes.OPA_FAILED, `opa ${command} failed: ${run.message}`);
    case 'timeout':
      return error(RegoCodes.OPA_TIMEOUT, `opa ${command} did not finish within the time limit and was stopped`);
  }
}

/** The finding for an `opa <command>` that exited with output it never gives for a report. */
export function opaUnexpected(command: string, code: number, detail: string): ValidationProblem {
  const text = detail.trim().slice(0, 2000) || '(no output)';
  return error(RegoCodes.OPA_FAILED, `opa ${command} exited with code ${code} and an unexpected answer: ${text}`);
}
