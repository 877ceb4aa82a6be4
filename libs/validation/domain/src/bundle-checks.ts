import type { ValidationProblem } from '@edict/contracts';
import { validateBundleDocument } from '@edict/policy-engine';

/** The checks validation runs on a submitted version, by name (recorded with the verdict). */
export const VALIDATION_CHECKS = ['identity', 'schema', 'cel-compile'] as const;

export interface BundleCheckResult {
  readonly checks: readonly string[];
  readonly problems: readonly ValidationProblem[];
}

const field = (document: unknown, key: 'policyId' | 'version'): unknown => {
  const metadata = typeof document === 'object' && document !== null ? (document as Record<string, unknown>)['metadata'] : undefined;
  return typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)[key] : undefined;
};

/**
 * Checks a submitted document: it is the version it was submitted as, it matches the bundle
 * schema, and its CEL conditions compile. Pure: the Rego checks with the real `opa` run beside it.
 */
export function checkSubmittedBundle(document: unknown, expected: { policyId: string; version: string }): BundleCheckResult {
  const problems: ValidationProblem[] = [];
  for (const key of ['policyId', 'version'] as const) {
    if (field(document, key) !== expected[key]) {
      problems.push({ code: 'VALIDATION.IDENTITY_MISMATCH', path: `metadata.${key}`, severity: 'error', message: `metadata.${key} must be '${expected[key]}'` });
    }
  }
  for (const p of validateBundleDocument(document)) {
    problems.push({ code: p.code, message: p.message, severity: p.severity, ...(p.path === undefined ? {} : { path: p.path }) });
  }
  return { checks: [...VALIDATION_CHECKS], problems };
}
