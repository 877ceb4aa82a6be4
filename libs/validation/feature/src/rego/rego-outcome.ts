import { access, constants } from 'node:fs/promises';
import { tierOfPolicyId, type ValidationCheck } from '@edict/contracts';
import { runRegoChecks } from '@edict/opa';
import type { RegoOutcome, ValidationSettings } from '@edict/validation-domain';
import { regoSourceOf } from './rego-source-of';

const NAMES = ['rego-check', 'rego-test', 'rego-fmt'] as const;

const unavailable = (why: string): RegoOutcome => ({
  checks: NAMES.map((name): ValidationCheck => ({
    name,
    status: 'fail',
    findings: [{ code: 'VALIDATION.OPA_UNAVAILABLE', severity: 'error', message: `the Rego checks need the opa binary: ${why}` }],
    summary: 'opa is not available',
  })),
});

/**
 * The Rego checks with the real `opa` (`runRegoChecks` of @edict/opa) when the bundle carries
 * `spec.rego` modules, with the tier's minimum coverage and the policy's package root. No `opa` at `OPA_PATH`, or one that
 * cannot be run, fails the three checks with VALIDATION.OPA_UNAVAILABLE; it never crashes.
 */
export async function regoOutcome(document: unknown, policyId: string, opaPath: string | undefined, settings: ValidationSettings): Promise<RegoOutcome> {
  const source = regoSourceOf(document);
  if (!source) return { skipped: 'the bundle has no spec.rego modules' };
  if (!opaPath) return unavailable('OPA_PATH is not set');
  try {
    await access(opaPath, constants.X_OK);
  } catch {
    return unavailable(`no executable at OPA_PATH (${opaPath})`);
  }
  try {
    const result = await runRegoChecks(source, { opaPath, minCoverage: settings.regoMinCoverage[tierOfPolicyId(policyId)], policyId });
    return { checks: result.checks, ...(result.coverage && { coverage: result.coverage }) };
  } catch (error) {
    return unavailable(`running it failed (${error instanceof Error ? error.message : String(error)})`);
  }
}
