import { compileCondition } from '../cel/compile-condition';
import type { CompiledCondition } from '../cel/compile-condition';
import { rankRules } from '../compile/rank-rules';
import { compilePattern } from '../match/glob-pattern';
import type { Pattern } from '../match/glob-pattern';
import type { Effect } from '../model/effect';
import { EFFECTS } from '../model/effect';
import { rulesOf } from '../schema/document-views';

/** A rule as lint and tighten-only see it: patterns compiled, condition compiled if it can be. */
export interface RuleView {
  readonly id: string;
  readonly index: number;
  readonly priority: number;
  readonly effect: Effect;
  readonly agent: Pattern;
  readonly action: Pattern;
  readonly resource: Pattern;
  /** whether the rule has a `when` at all */
  readonly conditional: boolean;
  readonly condition: CompiledCondition | null;
}

const patternOf = (match: unknown, field: string): Pattern | null => {
  if (match === undefined) return compilePattern(undefined);
  if (typeof match !== 'object' || match === null) return null;
  const value = (match as Record<string, unknown>)[field];
  return value === undefined || typeof value === 'string' ? compilePattern(value) : null;
};

/** The well-formed rules of a document, in rank order; malformed ones are skipped. */
export function ruleViews(document: unknown): RuleView[] {
  const views: RuleView[] = [];
  for (const { rule, index } of rulesOf(document)) {
    const { id, effect, priority, when, match } = rule;
    if (typeof id !== 'string' || !EFFECTS.includes(effect as Effect)) continue;
    if (priority !== undefined && typeof priority !== 'number') continue;
    const agent = patternOf(match, 'agent'), action = patternOf(match, 'action'), resource = patternOf(match, 'resource');
    if (!agent || !action || !resource) continue;
    const compiled = typeof when === 'string' ? compileCondition(when) : null;
    views.push({ id, index, priority: priority ?? 0, effect: effect as Effect, agent, action, resource, conditional: when !== undefined, condition: compiled?.ok ? compiled.condition : null });
  }
  return rankRules(views).map(({ rule }) => rule);
}
