import type { DecisionLogged } from '@edict/contracts';
import { renderReExplained } from './decisions-explain.command';
import { maskedFieldsOf, reExplainDecision } from './reexplain-decision';

const document = {
  apiVersion: 'edict.io/v1',
  kind: 'PolicyBundle',
  metadata: { policyId: 'org/storage', version: '1.0.0' },
  spec: {
    defaultEffect: 'allow',
    rules: [
      { id: 'deny-prod', priority: 20, match: { resource: 'prod-*' }, effect: 'deny', reason: 'not in prod' },
      { id: 'deny-unencrypted', priority: 10, match: { action: 'bucket.create' }, when: 'context.encrypted != true', effect: 'deny', reason: 'encrypt buckets' },
    ],
  },
};

const stored = (request: DecisionLogged['data']['request'], result: Partial<DecisionLogged['data']['result']>): DecisionLogged['data'] => ({
  decisionId: 'd-1', timestamp: '2026-12-01T10:00:00.000Z', policyId: 'org/storage', version: '1.0.0', subject: 'ci', request,
  bundles: [{ policyId: 'org/storage', version: '1.0.0', cohort: 42, canary: false }], evaluationNs: 1200, source: 'pdp', decisionPoint: 'p',
  result: { effect: 'deny', rule: 'deny-prod', tier: 'org', reason: 'not in prod', noMatch: false, ...result },
});

describe('edict decisions explain (offline re-explanation)', () => {
  it('given an unmasked stored decision, when re-explained on its version, then it agrees and traces every rule', () => {
    const r = reExplainDecision(stored({ agent: 'tf', action: 'bucket.create', resource: 'prod-1', context: { encrypted: true } }, {}), [document]);
    expect(r).toMatchObject({ agrees: true, maskedFields: [], notes: [], reexplained: { effect: 'deny', rule: 'deny-prod' } });
    expect(r.explanation).toMatchObject({ versions: ['org/storage@1.0.0'], cohort: 42, canary: false });
    expect(r.explanation.tiers[0]!.rules.map((x) => x.outcome)).toEqual(['matched', 'not-reached']);
    expect(renderReExplained(r).join('\n')).toContain('re-explained the same');
  });

  it('given the resource stored masked, when re-explained, then it says the mask was evaluated and that the answer differs', () => {
    const r = reExplainDecision(stored({ agent: 'tf', action: 'bucket.read', resource: '***' }, {}), [document]);
    expect(r.agrees).toBe(false);
    expect(r.maskedFields).toEqual(['resource']);
    expect(r.notes[0]).toMatch(/holds resource masked .* may be why it differs/);
    expect(r.notes[1]).toMatch(/differs from the stored decision \(deny by deny-prod\)/);
    const text = renderReExplained(r).join('\n');
    expect(text).toContain('DIFFERENTLY');
    expect(text).toContain('resource "***" does not match');
  });

  it('given a cited exception, when re-explained with it, then the waived rule names it; without it, a note says so', () => {
    const decision = stored({ agent: 'tf', action: 'bucket.create', resource: 'legacy-1', context: { encrypted: false } }, { effect: 'allow', rule: null, noMatch: true, exception: 'EXC-001' });
    const withIt = reExplainDecision(decision, [document], { exceptionId: 'EXC-001', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'legacy-*' });
    expect(withIt).toMatchObject({ agrees: true, reexplained: { effect: 'allow', exception: 'EXC-001' } });
    expect(withIt.explanation.tiers[0]!.rules[1]).toMatchObject({ outcome: 'waived', exception: 'EXC-001' });
    const without = reExplainDecision(decision, [document]);
    expect(without.agrees).toBe(false);
    expect(without.notes.join(' ')).toContain('cites EXC-001, which could not be fetched');
  });

  it('finds masks nested in the context', () => {
    expect(maskedFieldsOf({ agent: 'a', action: 'b', resource: 'c', context: { user: { email: '***' }, list: ['x', '***'] } })).toEqual(['context.user.email', 'context.list[1]']);
  });
});
