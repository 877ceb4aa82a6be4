import type { CompiledBundle, CompiledRule } from '../compile/compiled-bundle.types';
import { covers, mayOverlap } from '../match/pattern-relations';
import { isLooser } from '../model/effect';
import { TightenCodes } from '../model/problem-codes';
import { childLabel, parentLabel } from './tier-labels';
import type { TightenFinding } from './tighten-finding.types';

const overlap = (a: CompiledRule, b: CompiledRule): boolean =>
  mayOverlap(a.agent, b.agent) && mayOverlap(a.action, b.action) && mayOverlap(a.resource, b.resource);
const coversRule = (outer: CompiledRule, inner: CompiledRule): boolean =>
  outer.condition === null && covers(outer.agent, inner.agent) && covers(outer.action, inner.action) && covers(outer.resource, inner.resource);

/**
 * A child `allow` rule that overlaps a parent `deny` or `require_approval` rule tries to
 * loosen it: an error naming both when the parent rule has no condition (it surely applies
 * there), a warning when it has one (it applies when its condition holds). A parent rule is
 * left out where an unconditional parent rule ranked before it covers the child rule, since
 * it never decides there. A child allow under a parent that denies by default, with no
 * parent rule that could allow the same requests, gets a warning: it can never take effect.
 */
export function tightenRules(child: CompiledBundle, parent: CompiledBundle): TightenFinding[] {
  const findings: TightenFinding[] = [];
  for (const rule of child.rules) {
    const base = { policyId: child.policyId, parentPolicyId: parent.policyId, ruleId: rule.id, path: `spec.rules[${rule.index}]` };
    if (rule.effect !== 'allow') continue;
    for (const p of parent.rules) {
      if (!isLooser(rule.effect, p.effect) || !overlap(rule, p)) continue;
      if (parent.rules.some((a) => a.rank < p.rank && coversRule(a, rule))) continue;
      findings.push(
        p.condition === null
          ? { ...base, severity: 'error', code: TightenCodes.RULE_LOOSENS_PARENT, parentRuleId: p.id, message: `${childLabel(child)} rule '${rule.id}' loosens ${parentLabel(parent)} rule '${p.id}'` }
          : { ...base, severity: 'warning', code: TightenCodes.RULE_LOOSENS_PARENT, parentRuleId: p.id, message: `${childLabel(child)} rule '${rule.id}' may loosen ${parentLabel(parent)} rule '${p.id}' (when its condition holds)` },
      );
    }
    const parentCouldAgree = parent.rules.some((p) => !isLooser(rule.effect, p.effect) && overlap(rule, p));
    if (isLooser(rule.effect, parent.defaultEffect) && !parentCouldAgree) {
      findings.push({ ...base, severity: 'warning', code: TightenCodes.ALLOW_UNDER_PARENT_DEFAULT_DENY, message: `${childLabel(child)} rule '${rule.id}' (${rule.effect}) can never take effect: ${parentLabel(parent)} gives ${parent.defaultEffect} by default and has no rule that could give ${rule.effect} for the same requests` });
    }
  }
  return findings;
}
