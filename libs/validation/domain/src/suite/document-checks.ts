import type { ValidationCheck, ValidationProblem } from '@edict/contracts';
import { validateBundleDocument, type Locator } from '@edict/policy-engine';
import { findingsSummary, ranCheck, toFinding } from './check-result';

const field = (document: unknown, key: 'policyId' | 'version'): unknown => {
  const metadata = typeof document === 'object' && document !== null ? (document as Record<string, unknown>)['metadata'] : undefined;
  return typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)[key] : undefined;
};

/** `identity`: the document is the policy and version it was submitted as. */
export function identityCheck(document: unknown, expected: { policyId: string; version: string }, locate?: Locator): ValidationCheck {
  const findings: ValidationProblem[] = [];
  for (const key of ['policyId', 'version'] as const) {
    if (field(document, key) !== expected[key]) {
      const path = `metadata.${key}`;
      findings.push(toFinding({ code: 'VALIDATION.IDENTITY_MISMATCH', path, severity: 'error', message: `metadata.${key} must be '${expected[key]}'` }, locate));
    }
  }
  return ranCheck('identity', findings, findings.length === 0 ? `${expected.policyId}@${expected.version}` : `not ${expected.policyId}@${expected.version}`);
}

const isCel = (code: string): boolean => code.startsWith('POLICY.CEL_');

/** `schema` (JSON Schema, semver, unique ids, allow-lists) and `cel-compile` (every condition), from one validation pass. */
export function schemaAndCelChecks(document: unknown, locate?: Locator): [ValidationCheck, ValidationCheck] {
  const problems = validateBundleDocument(document).map((p) => toFinding(p, locate));
  const schema = problems.filter((p) => !isCel(p.code));
  const cel = problems.filter((p) => isCel(p.code));
  return [ranCheck('schema', schema, findingsSummary(schema)), ranCheck('cel-compile', cel, cel.length === 0 ? 'every condition compiles' : findingsSummary(cel))];
}
