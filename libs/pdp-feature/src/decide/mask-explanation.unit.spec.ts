import type { DecisionExplanationView } from '@edict/pdp';
import { maskExplanation } from './mask-explanation';

const explanation: DecisionExplanationView = {
  versions: ['org/a@1.0.0'],
  cohort: 3,
  canary: false,
  exception: null,
  evaluationNs: 10,
  tiers: [{
    policyId: 'org/a', version: '1.0.0', tier: 'org', effect: 'deny', rule: 'r2', noMatch: false, cohort: 3, canary: false,
    rules: [
      { id: 'r1', rank: 0, priority: 9, effect: 'deny', when: null, outcome: 'no-match', field: 'resource', pattern: '^prod/.*$', value: 'customers/ada@example.com' },
      { id: 'r0', rank: 1, priority: 8, effect: 'deny', when: null, outcome: 'no-match', field: 'action', pattern: '^x$', value: 'read' },
      { id: 'r2', rank: 2, priority: 1, effect: 'deny', when: 'true', outcome: 'matched' },
    ],
  }],
};

describe('maskExplanation', () => {
  it('given the resource masked, when explained, then a no-match trace on the resource shows the mask and others keep their value', () => {
    const masked = maskExplanation(explanation, { agent: 'a', action: 'read', resource: '***' });
    expect(masked.tiers[0]!.rules[0]).toMatchObject({ field: 'resource', value: '***' });
    expect(masked.tiers[0]!.rules[1]).toMatchObject({ field: 'action', value: 'read' });
    expect(masked.tiers[0]!.rules[2]).toEqual(explanation.tiers[0]!.rules[2]);
  });

  it('given nothing masked, when explained, then the explanation is unchanged', () => {
    expect(maskExplanation(explanation, { agent: 'a', action: 'read', resource: 'customers/ada@example.com' })).toEqual(explanation);
  });
});
