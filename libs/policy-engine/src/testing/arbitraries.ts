import fc from 'fast-check';
import type { RuleDocument } from '../model/bundle-document.types';
import type { DecisionRequest } from '../model/decision.types';
import type { Effect } from '../model/effect';

/** Small vocabularies, so that random rules and requests meet often. */
const agents = ['coder', 'bot'];
const actions = ['read', 'write'];
const resources = ['repos/a', 'repos/b', 'secrets/a'];

export const effectArb: fc.Arbitrary<Effect> = fc.constantFrom('allow', 'deny', 'require_approval');

const patternArb = (values: string[], globs: string[]) => fc.option(fc.constantFrom(...values, ...globs), { nil: undefined });

const conditionArb = fc.option(fc.constantFrom('context.n > 1', 'context.n <= 2', 'context.flag', '!context.flag && context.n != 3'), { nil: undefined });

/** A random rule (id filled in by the rule-list arbitrary). */
const ruleArb = fc.record({
  priority: fc.integer({ min: 0, max: 3 }),
  effect: effectArb,
  agent: patternArb(agents, ['*', 'c*']),
  action: patternArb(actions, ['*', 'wr?te']),
  resource: patternArb(resources, ['repos/*', 'secrets/**', '**']),
  when: conditionArb,
});

/** 0–8 random rules with unique ids. */
export const rulesArb: fc.Arbitrary<RuleDocument[]> = fc.array(ruleArb, { maxLength: 8 }).map((rs) =>
  rs.map(({ priority, effect, agent, action, resource, when }, i) => {
    const match = { ...(agent !== undefined && { agent }), ...(action !== undefined && { action }), ...(resource !== undefined && { resource }) };
    return { id: `r${i}`, priority, effect, match, ...(when !== undefined && { when }) };
  }),
);

/** A random request over the same vocabularies, with the context the conditions read. */
export const requestArb: fc.Arbitrary<DecisionRequest> = fc.record({
  agent: fc.constantFrom(...agents, 'other'),
  action: fc.constantFrom(...actions, 'deploy'),
  resource: fc.constantFrom(...resources, 'other/x'),
  context: fc.record({ n: fc.integer({ min: 0, max: 4 }), flag: fc.boolean() }),
});
