import type { ValidationCheck } from '@edict/contracts';
import { lintBundle, type Locator } from '@edict/policy-engine';
import { findingsSummary, ranCheck, toFinding } from './check-result';

/** `lint`: every `LINT.*` finding with its severity; only errors fail (undeclared context fields, …). */
export function lintCheck(document: unknown, locate?: Locator): ValidationCheck {
  const findings = lintBundle(document).map((f) => toFinding(f, locate));
  return ranCheck('lint', findings, findingsSummary(findings));
}
