import { covers } from '../match/pattern-relations';
import { LintCodes } from '../model/problem-codes';
import type { LintFinding } from './lint-finding.types';
import type { RuleView } from './lint-rule-view';

/** True when `earlier` (ranked before) decides every request `later` matches. */
export const shadows = (earlier: RuleView, later: RuleView): boolean =>
  !earlier.conditional && covers(earlier.agent, later.agent) && covers(earlier.action, later.action) && covers(earlier.resource, later.resource);

/**
 * Rules that can never fire: a rule ranked before them (higher priority, or equal priority
 * and more restrictive or earlier) has no condition and matches everything they match.
 */
export function lintShadowedRules(ranked: readonly RuleView[]): LintFinding[] {
  const findings: LintFinding[] = [];
  const unconditional: RuleView[] = [];
  for (const rule of ranked) {
    const by = unconditional.find((earlier) => shadows(earlier, rule));
    if (by) {
      findings.push({
        code: LintCodes.UNREACHABLE_RULE,
        severity: 'warning',
        path: `spec.rules[${rule.index}]`,
        ruleId: rule.id,
        message: `rule '${rule.id}' can never fire: rule '${by.id}' (priority ${by.priority}, ${by.effect}) has no condition, ranks before it and matches everything it matches`,
      });
    }
    if (!rule.conditional) unconditional.push(rule);
  }
  return findings;
}
