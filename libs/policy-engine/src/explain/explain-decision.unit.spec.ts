import { compileWaiver } from '../evaluate/rule-waiver';
import { evaluate } from '../evaluate/evaluate';
import { compiled, req } from '../testing/bundle-builder';
import { explainDecision } from './explain-decision';

const org = compiled('org/storage', [
  { id: 'deny-unencrypted', priority: 10, effect: 'deny', match: { action: 'bucket.create', resource: 'buckets/*' }, when: 'context.encrypted != true', reason: 'buckets must be encrypted' },
  { id: 'deny-ci', priority: 5, effect: 'deny', match: { agent: 'ci-*' }, reason: 'ci agents may not' },
  { id: 'allow-buckets', effect: 'allow', match: { action: 'bucket.create' }, reason: 'buckets are fine' },
  { id: 'allow-late', priority: -1, effect: 'allow', reason: 'never reached' },
]);
const team = compiled('teams/alpha/storage', [{ id: 'size-limit', effect: 'deny', match: { resource: 'buckets/**' }, when: 'context.size.gb > 10', reason: 'too big' }], { defaultEffect: 'allow' });
const legacy = compileWaiver({ id: 'EXC-001', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'buckets/legacy-*' });
const verdicts = (explanation: ReturnType<typeof explainDecision>, tier = 0) => explanation.tiers[tier]!.rules.map((r) => [r.id, r.outcome]);

describe('explainDecision', () => {
  it('given an encrypted bucket, then each rule says why: condition false, a match field that failed, matched, not reached', () => {
    const e = explainDecision([org], req('terraform', 'bucket.create', 'buckets/logs', { encrypted: true }));
    expect(verdicts(e)).toEqual([['deny-unencrypted', 'condition-false'], ['deny-ci', 'no-match'], ['allow-buckets', 'matched'], ['allow-late', 'not-reached']]);
    expect(e.tiers[0]!.rules[1]).toMatchObject({ field: 'agent', pattern: 'ci-*', value: 'terraform' });
    expect(e.tiers[0]!.rules[0]).toMatchObject({ when: 'context.encrypted != true', priority: 10, effect: 'deny' });
    expect(e.tiers[0]).toMatchObject({ policyId: 'org/storage', version: '1.0.0', tier: 'org', effect: 'allow', rule: 'allow-buckets' });
  });

  it('given the same request, then the decision is exactly what evaluate decides', () => {
    const request = req('terraform', 'bucket.create', 'buckets/logs', { encrypted: false });
    const timer = () => 0n;
    expect(explainDecision([org, team], request, { timer }).decision).toEqual(evaluate([org, team], request, { timer }));
  });

  it('given an exception in force, then the waived rule names it and the next rule decides', () => {
    const e = explainDecision([org], req('terraform', 'bucket.create', 'buckets/legacy-1', { encrypted: false }), { exceptions: [legacy] });
    expect(e.tiers[0]!.rules[0]).toMatchObject({ id: 'deny-unencrypted', outcome: 'waived', exception: 'EXC-001' });
    expect(e.decision).toMatchObject({ effect: 'allow', decidingRule: 'allow-buckets', exception: 'EXC-001' });
  });

  it('given a condition that errors, then the rule says condition-error with the message and later rules are not reached', () => {
    const e = explainDecision([org, team], req('terraform', 'bucket.create', 'buckets/logs', { encrypted: true }));
    expect(verdicts(e, 1)).toEqual([['size-limit', 'condition-error']]);
    expect(e.tiers[1]!.rules[0]).toMatchObject({ message: expect.stringContaining('size') });
    expect(e.tiers[1]).toMatchObject({ policyId: 'teams/alpha/storage', effect: 'deny' });
  });
});
