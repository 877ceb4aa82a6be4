import { assertNever } from '@edict/core';
import type { DecisionLogged } from '@edict/contracts';
import { assertMaskablePath, defaultMaskRules, keyMatches, type MaskRule } from './mask-rule';
import { maskAtPath, maskKeys } from './mask-value';

type Decision = DecisionLogged['data'];
type Request = Decision['request'];

type RequestRecord = Readonly<Record<string, unknown>>;

/** Every key under `request.context` that matches one of `names`, masked in one walk. */
const maskKeyNames = (request: RequestRecord, names: readonly string[]): RequestRecord =>
  request['context'] === undefined ? request : { ...request, context: maskKeys(request['context'], (key) => names.some((name) => keyMatches(key, name))) };

const applyRule = (request: RequestRecord, rule: MaskRule): RequestRecord => {
  switch (rule.kind) {
    case 'path':
      // Checked here too: a rule written as a literal, not through pathRule, must not break the shape.
      assertMaskablePath(rule.path);
      return maskAtPath(request, rule.path) as Readonly<Record<string, unknown>>;
    case 'key':
      return maskKeyNames(request, [rule.name]);
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
  const all = [...defaultMaskRules, ...rules];
  // every key rule in one walk of the context (ingest runs this per decision); both kinds only
  // ever write the mask, so the order in which rules apply does not change the result
  const names = all.flatMap((r) => (r.kind === 'key' ? [r.name] : []));
  const keyed = names.length === 0 ? decision.request : maskKeyNames(decision.request, names);
  const masked = all.filter((r) => r.kind !== 'key').reduce((request, rule) => applyRule(request, rule), keyed);
  return { ...decision, request: masked as Request };
};
