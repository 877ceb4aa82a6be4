import type { BundleDocument } from '../model/bundle-document.types';
import type { Effect } from '../model/effect';
import { EFFECTS } from '../model/effect';
import { LintCodes, PolicyCodes } from '../model/problem-codes';
import { specOf } from '../schema/document-views';
import { validateBundleDocument } from '../validate/validate-bundle-document';
import { lintAllowLists } from './lint-allow-lists';
import { lintContextFields } from './lint-context-fields';
import { lintDefaultRepeats } from './lint-default-repeats';
import type { LintFinding } from './lint-finding.types';
import { ruleViews } from './lint-rule-view';
import { lintShadowedRules } from './lint-shadowed-rules';

/**
 * Lints a bundle document. Findings, each with a code and a severity: duplicate rule ids,
 * unknown fields, wildcard or empty allow-lists, rules that can never fire, unconditional
 * rules that only repeat the default, and CEL reading context fields the declared context
 * schema lacks. Other validation errors are summed up in one `LINT.INVALID_BUNDLE` finding.
 */
export function lintBundle(document: unknown): LintFinding[] {
  const problems = validateBundleDocument(document);
  const findings: LintFinding[] = [];
  for (const p of problems) {
    if (p.code === PolicyCodes.UNKNOWN_FIELD) findings.push({ ...p, code: LintCodes.UNKNOWN_FIELD });
    if (p.code === PolicyCodes.RULE_ID_DUPLICATE) findings.push({ ...p, code: LintCodes.DUPLICATE_RULE_ID });
  }
  const counted = new Set<string>([PolicyCodes.UNKNOWN_FIELD, PolicyCodes.RULE_ID_DUPLICATE, PolicyCodes.ALLOWLIST_WILDCARD, PolicyCodes.ALLOWLIST_EMPTY]);
  const others = problems.filter((p) => p.severity === 'error' && !counted.has(p.code));
  if (others.length > 0) {
    findings.push({ code: LintCodes.INVALID_BUNDLE, severity: 'error', message: `the bundle does not validate (${others.length} problem${others.length > 1 ? 's' : ''}, first: ${others[0]!.path ? `${others[0]!.path}: ` : ''}${others[0]!.message})` });
  }
  findings.push(...lintAllowLists(document));
  const spec = specOf(document) ?? {};
  const defaultEffect = EFFECTS.includes(spec['defaultEffect'] as Effect) ? (spec['defaultEffect'] as Effect) : 'deny';
  const ranked = ruleViews(document);
  findings.push(...lintShadowedRules(ranked), ...lintDefaultRepeats(ranked, defaultEffect));
  const contextSchema = (spec as Partial<BundleDocument['spec']>).contextSchema;
  findings.push(...lintContextFields(ranked, typeof contextSchema === 'object' && contextSchema !== null ? contextSchema : undefined));
  return findings;
}
