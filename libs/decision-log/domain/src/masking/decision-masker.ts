import { assertNever } from '@edict/core';
import type { DecisionLogged } from '@edict/contracts';
import { keyMatcher } from './key-matcher';
import { assertMaskablePath, defaultMaskRules, type MaskRule } from './mask-rule';
import { maskAtPath, maskKeys } from './mask-value';

type Decision = DecisionLogged['data'];
type Request = Decision['request'];

type RequestRecord = Readonly<Record<string, unknown>>;
type Masker = (decision: Decision) => Decision;

/** Every key under `request.context` that `matches`, masked in one walk. */
const maskContextKeys = (request: RequestRecord, matches: (key: string) => boolean): RequestRecord => {
  const context = request['context'];
  if (context === undefined) return request;
  const masked = maskKeys(context, matches);
  return masked === context ? request : { ...request, context: masked };
};

const pathOf = (rule: MaskRule): readonly string[] | null => {
  switch (rule.kind) {
    case 'path':
      // Checked here too: a rule written as a literal, not through pathRule, must not break the shape.
      assertMaskablePath(rule.path);
      return rule.path;
    case 'key':
      return null;
    default:
      return assertNever(rule, 'mask rule');
  }
};

/**
 * The masker for a set of rules (and the default ones), compiled once: key names normalised up
 * front and per distinct key (keyMatcher), path rules checked. Every key rule applies in one walk
 * of the context; both kinds only ever write the mask, so the order in which rules apply does not
 * change the result. A decision with nothing to mask comes back as it is.
 */
const compileMasker = (rules: readonly MaskRule[]): Masker => {
  const all = [...defaultMaskRules, ...rules];
  const names = all.flatMap((r) => (r.kind === 'key' ? [r.name] : []));
  const paths = all.map(pathOf).filter((path) => path !== null);
  const matches = keyMatcher(names);
  return (decision) => {
    const keyed = names.length === 0 ? decision.request : maskContextKeys(decision.request, matches);
    const masked = paths.reduce((request: RequestRecord, path) => maskAtPath(request, path) as RequestRecord, keyed);
    return masked === decision.request ? decision : { ...decision, request: masked as Request };
  };
};

/** Compiled maskers by rule set (callers pass the same configured array on every decision). */
const maskers = new WeakMap<readonly MaskRule[], Masker>();

/**
 * The decision with its request masked before it is stored or published: the configured rules,
 * and always the default ones for obvious secrets (a configuration cannot turn those off). The
 * input is not modified; the output has the same shape, masked values reading "***" (what holds
 * nothing to mask is shared with the input, not copied). Rules are built with pathRule/keyRule,
 * which refuse paths that would change the shape; a rule set is read once, on its first use.
 */
export const maskDecision = (decision: Decision, rules: readonly MaskRule[]): Decision => {
  let masker = maskers.get(rules);
  if (!masker) {
    masker = compileMasker(rules);
    maskers.set(rules, masker);
  }
  return masker(decision);
};
