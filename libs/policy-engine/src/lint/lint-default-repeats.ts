import { mayOverlap } from '../match/pattern-relations';
import type { Effect } from '../model/effect';
import { LintCodes } from '../model/problem-codes';
import type { LintFinding } from './lint-finding.types';
import type { RuleView } from './lint-rule-view';
import { shadows } from './lint-shadowed-rules';

const overlaps = (a: RuleView, b: RuleView): boolean =>
  mayOverlap(a.agent, b.agent) && mayOverlap(a.action, b.action) && mayOverlap(a.resource, b.resource);

/**
 * Unconditional rules that only repeat the default: same effect as `defaultEffect`, and no
 * rule ranked after them with another effect may match the same requests, so removing them
 * changes no effect. (A deny that overrides a broader allow below it is not reported.)
 * Info, not a warning: such a rule still names a reason and keeps its requests out of the
 * no-match rate, which can be the point of writing it.
 */
export function lintDefaultRepeats(ranked: readonly RuleView[], defaultEffect: Effect): LintFinding[] {
  const findings: LintFinding[] = [];
  ranked.forEach((rule, position) => {
    if (rule.conditional || rule.effect !== defaultEffect) return;
    if (ranked.slice(0, position).some((earlier) => shadows(earlier, rule))) return; // reported as unreachable
    const overrides = ranked.slice(position + 1).some((later) => later.effect !== defaultEffect && overlaps(rule, later));
    if (overrides) return;
    findings.push({
      code: LintCodes.REPEATS_DEFAULT,
      severity: 'info',
      path: `spec.rules[${rule.index}]`,
      ruleId: rule.id,
      message: `rule '${rule.id}' has no condition and only repeats the default effect (${defaultEffect}): removing it changes no effect, only turns its matches into no-matches`,
    });
  });
  return findings;
}
