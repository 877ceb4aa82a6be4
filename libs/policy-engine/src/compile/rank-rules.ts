import type { RuleDocument } from '../model/bundle-document.types';
import { restrictiveness } from '../model/effect';

/**
 * Sorts rules into evaluation order: the first rule in this order that matches decides.
 * Priority descending; ties go deny, then require_approval, then allow; then document order.
 */
export function rankRules<R extends Pick<RuleDocument, 'priority' | 'effect'>>(rules: readonly R[]): { rule: R; index: number }[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort(
      (a, b) =>
        (b.rule.priority ?? 0) - (a.rule.priority ?? 0) ||
        restrictiveness(b.rule.effect) - restrictiveness(a.rule.effect) ||
        a.index - b.index,
    );
}
