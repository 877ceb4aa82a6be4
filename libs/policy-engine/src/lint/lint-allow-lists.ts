import { LintCodes } from '../model/problem-codes';
import { WILDCARD_TOKENS } from '../schema/check-semantics';
import { allowListsOf } from '../schema/document-views';
import type { LintFinding } from './lint-finding.types';

/** Allow-lists that allow everything (`*`, `all`, `any`: an error) or nothing (empty: a warning). */
export function lintAllowLists(document: unknown): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const [name, entries] of allowListsOf(document)) {
    const path = `spec.settings.allowLists.${name}`;
    if (entries.length === 0) {
      findings.push({ code: LintCodes.EMPTY_ALLOW_LIST, severity: 'warning', path, message: `allow-list '${name}' is empty: it allows nothing (remove it if that is not meant)` });
    }
    entries.forEach((entry, i) => {
      if (typeof entry === 'string' && WILDCARD_TOKENS.has(entry.trim().toLowerCase())) {
        findings.push({ code: LintCodes.WILDCARD_ALLOW_LIST, severity: 'error', path: `${path}[${i}]`, message: `allow-list '${name}' contains the wildcard '${entry}', which allows everything` });
      }
    });
  }
  return findings;
}
