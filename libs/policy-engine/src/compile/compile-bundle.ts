import { ValidationError } from '@edict/core';
import { compileCondition } from '../cel/compile-condition';
import { compilePattern } from '../match/glob-pattern';
import type { BundleDocument } from '../model/bundle-document.types';
import { PolicyCodes } from '../model/problem-codes';
import { tierOfPolicyId } from '../model/tier';
import { validateBundleDocument } from '../validate/validate-bundle-document';
import { buildRuleIndex } from './build-rule-index';
import type { CompiledBundle, CompiledRule } from './compiled-bundle.types';
import { rankRules } from './rank-rules';

/**
 * Validates and compiles a bundle document: CEL conditions compiled once, globs compiled,
 * rules ranked and indexed. Throws a `ValidationError` (`POLICY.INVALID_BUNDLE`, with
 * `details.problems`) when the document has any error.
 */
export function compileBundle(document: unknown): CompiledBundle {
  const problems = validateBundleDocument(document).filter((p) => p.severity === 'error');
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new ValidationError(PolicyCodes.INVALID_BUNDLE, `invalid bundle: ${first.path ? `${first.path}: ` : ''}${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, { problems });
  }
  const doc = document as BundleDocument;
  const rules: CompiledRule[] = rankRules(doc.spec.rules ?? []).map(({ rule, index }, rank) => {
    const compiled = rule.when === undefined ? null : compileCondition(rule.when);
    // validateBundleDocument compiled every condition already, so this cannot fail here.
    if (compiled && !compiled.ok) throw new Error(`condition of rule '${rule.id}' did not compile twice the same way`);
    return {
      id: rule.id,
      index,
      rank,
      priority: rule.priority ?? 0,
      effect: rule.effect,
      reason: rule.reason ?? `rule '${rule.id}'`,
      agent: compilePattern(rule.match?.agent),
      action: compilePattern(rule.match?.action),
      resource: compilePattern(rule.match?.resource),
      condition: compiled ? compiled.condition : null,
    };
  });
  const { policyId, version } = doc.metadata;
  const settings = doc.spec.settings ?? {};
  return {
    policyId,
    tier: tierOfPolicyId(policyId)!,
    version,
    ref: `${policyId}@${version}`,
    defaultEffect: doc.spec.defaultEffect ?? 'deny',
    onErrorEffect: doc.spec.onErrorEffect ?? 'deny',
    rules,
    index: buildRuleIndex(rules),
    settings: { allowLists: settings.allowLists ?? {}, limits: settings.limits ?? {}, flags: settings.flags ?? {} },
    document: doc,
  };
}
