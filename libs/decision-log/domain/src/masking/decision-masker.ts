import { assertNever } from '@edict/core';
import type { DecisionLogged } from '@edict/contracts';
import { assertMaskablePath, defaultMaskRules, keyMatches, type MaskRule } from './mask-rule';
import { maskAtPath, maskKeys } from './mask-value';

type Decision = DecisionLogged['data'];
type Request = Decision['request'];

const applyRule = (request: Readonly<Record<string, unknown>>, rule: MaskRule): Readonly<Record<string, unknown>> => {
  switch (rule.kind) {
    case 'path':
      // Checked here too: a rule written as a literal, not through pathRule, must not break the shape.
      assertMaskablePath(rule.path);
      return maskAtPath(request, rule.path) as Readonly<Record<string, unknown>>;
    case 'key': {
      if (request['context'] === undefined) return request;
      return { ...request, context: maskKeys(request['context'], (key) => keyMatches(key, rule.name)) };
    }
    default:
      return assertNever(rule, 'mask rule');
  }
};

/**
 * The decision with its request masked before it is stored or published: the configured rules,
 * and always the default ones for obvious secrets (a configuration cannot turn those off). The
 * input is not modified; the output has the same shape, masked values reading "***". Rules are
 * built with pathRule/keyRule, which refuse paths that would change the shape.
 */
export const maskDecision = (decision: Decision, rules: readonly MaskRule[]): Decision => {
  const masked = [...defaultMaskRules, ...rules].reduce(applyRule, decision.request);
  return { ...decision, request: masked as Request };
};
