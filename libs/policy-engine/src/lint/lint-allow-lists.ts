import { LintCodes } from '../model/problem-codes';
import { WILDCARD_TOKENS } from '../schema/check-semantics';
import { allowListsOf, isRecord, specOf } from '../schema/document-views';
import type { LintFinding } from './lint-finding.types';

/**
 * Allow-lists that allow everything (`*`, `all`, `any`) or nothing (empty, unless named in
 * `spec.settings.allowListsEmptyMeansNone`): both errors.
 */
export function lintAllowLists(document: unknown): LintFinding[] {
  const findings: LintFinding[] = [];
  const settings = specOf(document)?.['settings'];
  const declared = isRecord(settings) ? settings['allowListsEmptyMeansNone'] : undefined;
  const meansNone = new Set(Array.isArray(declared) ? declared : []);
  for (const [name, entries] of allowListsOf(document)) {
    const path = `spec.settings.allowLists.${name}`;
    if (entries.length === 0 && !meansNone.has(name)) {
      findings.push({ code: LintCodes.EMPTY_ALLOW_LIST, severity: 'error', path, message: `allow-list '${name}' is empty: it allows nothing (name it in spec.settings.allowListsEmptyMeansNone if that is meant)` });
    }
    entries.forEach((entry, i) => {
      if (typeof entry === 'string' && WILDCARD_TOKENS.has(entry.trim().toLowerCase())) {
        findings.push({ code: LintCodes.WILDCARD_ALLOW_LIST, severity: 'error', path: `${path}[${i}]`, message: `allow-list '${name}' contains the wildcard '${entry}', which allows everything` });
      }
    });
  }
  return findings;
}
