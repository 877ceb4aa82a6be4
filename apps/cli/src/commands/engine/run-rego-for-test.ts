import type { CompiledBundle } from '@edict/policy-engine';
import { runRegoChecks, type RegoCheckResult } from '@edict/opa';
import { findOpa } from './find-opa';
import { formatRegoReport } from './rego-test-report';

/** What `edict test` says about `spec.rego`: the checks when opa ran, or why they did not run. */
export type RegoOutcome =
  | { readonly ran: true; readonly result: RegoCheckResult; readonly lines: string[]; readonly failed: boolean }
  | { readonly ran: false; readonly notice: string };

/** Runs the Rego checks of a bundle that has `spec.rego.modules`; undefined when it has none. */
export async function runRegoForTest(bundle: CompiledBundle, file: string, minCoverage: number): Promise<RegoOutcome | undefined> {
  const rego = bundle.document.spec.rego;
  if (!rego?.modules || Object.keys(rego.modules).length === 0) return undefined;
  const opa = findOpa();
  if (!opa) return { ran: false, notice: `edict: the Rego checks of ${file} did NOT run: no opa found (set OPA_PATH or put opa on PATH)` };
  const result = await runRegoChecks(rego, { opaPath: opa.path, minCoverage, policyId: bundle.policyId });
  return { ran: true, result, lines: formatRegoReport(result, file, `${opa.path} from ${opa.from}`), failed: result.checks.some((c) => c.status === 'fail') };
}
