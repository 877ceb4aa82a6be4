import type { DecisionLogged } from '@edict/contracts';
import type { DecisionExplanationView } from '@edict/pdp';
import type { RuleTrace } from '@edict/policy-engine';
import { colors } from './text-table';

export type ExplainedAnswer = DecisionLogged['data'] & { readonly explanation: DecisionExplanationView };

const MARK: Record<RuleTrace['outcome'], string> = { matched: '✓', waived: '↷', 'condition-error': '!', 'condition-false': '✗', 'no-match': '✗', 'not-reached': '·' };

const why = (rule: RuleTrace): string => {
  switch (rule.outcome) {
    case 'no-match':
      return `${rule.field} ${JSON.stringify(rule.value)} does not match ${rule.pattern}`;
    case 'condition-false':
      return `when is false: ${rule.when ?? ''}`;
    case 'condition-error':
      return `when failed: ${rule.message}`;
    case 'waived':
      return `would match; waived by ${rule.exception}`;
    case 'matched':
      return rule.when ? `matched (when ${rule.when})` : 'matched';
    case 'not-reached':
      return 'not reached';
  }
};

const time = (ns: number): string => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);

/** An explained decision for people: the outcome, then a tree per tier with every rule considered in order and why. */
export function renderExplanation(answer: ExplainedAnswer): string[] {
  const { result, explanation: e } = answer;
  const lines = [
    `${colors.bold(result.effect)}${result.rule ? ` by rule ${result.rule}` : ''}${result.tier ? ` (${result.tier})` : ''}: ${result.reason}`,
    `versions ${e.versions.join(', ') || 'none'} · cohort ${e.cohort ?? '-'} · ${e.canary ? 'canary' : 'stable'} · exception ${e.exception ?? 'none'} · ${time(e.evaluationNs)}`,
  ];
  if (e.killSwitch) lines.push(`kill switch on ${e.killSwitch.policyId} (${e.killSwitch.mode}): ${e.killSwitch.reason}; no rule was evaluated`);
  if (result.error) lines.push(colors.red(`error ${result.error.code}: ${result.error.message}`));
  for (const tier of e.tiers) {
    lines.push(`${tier.policyId}@${tier.version} (${tier.tier}, cohort ${tier.cohort}, ${tier.canary ? 'canary' : 'stable'}) → ${tier.effect}${tier.rule ? ` by ${tier.rule}` : tier.noMatch ? ' (default: no rule matched)' : ''}`);
    const width = Math.max(0, ...tier.rules.map((r) => r.id.length));
    tier.rules.forEach((rule, i) => {
      const branch = i === tier.rules.length - 1 ? '└─' : '├─';
      lines.push(`  ${branch} ${MARK[rule.outcome]} ${rule.id.padEnd(width)}  ${rule.effect.padEnd(16)} ${why(rule)}`);
    });
  }
  return lines;
}
