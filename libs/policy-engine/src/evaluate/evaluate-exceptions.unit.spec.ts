import { compiled, req } from '../testing/bundle-builder';
import { evaluate } from './evaluate';
import { compileWaiver } from './rule-waiver';

const org = compiled('org/storage', [
  { id: 'deny-unencrypted', priority: 10, effect: 'deny', match: { action: 'bucket.create', resource: 'buckets/*' }, when: "context.encrypted != true", reason: 'buckets must be encrypted' },
  { id: 'allow-buckets', effect: 'allow', match: { action: 'bucket.create' }, reason: 'buckets are fine' },
]);
const team = compiled('teams/alpha/storage', [{ id: 'deny-archive', effect: 'deny', match: { resource: 'buckets/archive-*' }, reason: 'team says no' }], { defaultEffect: 'allow' });
const legacy = compileWaiver({ id: 'EXC-001', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'buckets/legacy-*' });
const unencrypted = (resource: string, agent = 'terraform') => req(agent, 'bucket.create', resource, { encrypted: false });

describe('evaluate with exceptions', () => {
  it('given an exception for the rule and resource, when the rule would deny, then the next rule decides and the decision cites the exception', () => {
    const result = evaluate([org], unencrypted('buckets/legacy-archive'), { exceptions: [legacy] });
    expect(result).toMatchObject({ effect: 'allow', decidingRule: 'allow-buckets', exception: 'EXC-001' });
    expect(result.tiers[0]).toMatchObject({ rule: 'allow-buckets', exception: 'EXC-001' });
  });

  it('given the same exception, when the resource is outside its glob, then the rule still denies and no exception is cited', () => {
    const result = evaluate([org], unencrypted('buckets/payments'), { exceptions: [legacy] });
    expect(result).toMatchObject({ effect: 'deny', decidingRule: 'deny-unencrypted' });
    expect(result.exception).toBeUndefined();
  });

  it('given no exceptions, then the excepted resource is denied as before', () => {
    expect(evaluate([org], unencrypted('buckets/legacy-archive'))).toMatchObject({ effect: 'deny', decidingRule: 'deny-unencrypted' });
  });

  it('given an exception whose rule would not have matched (condition false), then nothing is cited', () => {
    const result = evaluate([org], req('terraform', 'bucket.create', 'buckets/legacy-archive', { encrypted: true }), { exceptions: [legacy] });
    expect(result).toMatchObject({ effect: 'allow', decidingRule: 'allow-buckets' });
    expect(result.exception).toBeUndefined();
  });

  it('given an exception of another policy with the same rule id, then it waives nothing here', () => {
    const other = compileWaiver({ id: 'EXC-002', policyId: 'org/other', ruleId: 'deny-unencrypted', resource: '**' });
    expect(evaluate([org], unencrypted('buckets/legacy-archive'), { exceptions: [other] })).toMatchObject({ effect: 'deny', decidingRule: 'deny-unencrypted' });
  });

  it('given an exception limited to an agent, then other agents are still denied', () => {
    const onlyTerraform = compileWaiver({ id: 'EXC-003', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'buckets/**', agent: 'terraform' });
    expect(evaluate([org], unencrypted('buckets/legacy-a', 'pulumi'), { exceptions: [onlyTerraform] })).toMatchObject({ effect: 'deny' });
    expect(evaluate([org], unencrypted('buckets/legacy-a', 'terraform'), { exceptions: [onlyTerraform] })).toMatchObject({ effect: 'allow', exception: 'EXC-003' });
  });

  it('given an org exception, when a team rule still denies, then the team denies and the waived org rule is still cited', () => {
    const result = evaluate([org, team], unencrypted('buckets/legacy-x'), { exceptions: [compileWaiver({ id: 'EXC-004', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'buckets/*' })] });
    expect(result).toMatchObject({ effect: 'allow', decidingTier: 'org', decidingRule: 'allow-buckets', exception: 'EXC-004' });
    const archive = evaluate([org, team], unencrypted('buckets/archive-1'), { exceptions: [compileWaiver({ id: 'EXC-004', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'buckets/*' })] });
    expect(archive).toMatchObject({ effect: 'deny', decidingTier: 'team', decidingRule: 'deny-archive', exception: 'EXC-004' });
  });

  it('given the only matching rule waived, then the bundle default applies (no match)', () => {
    const only = compiled('org/solo', [{ id: 'allow-x', effect: 'allow', match: { resource: 'x/*' }, reason: 'x' }]);
    const result = evaluate([only], req('a', 'read', 'x/1'), { exceptions: [compileWaiver({ id: 'EXC-005', policyId: 'org/solo', ruleId: 'allow-x', resource: 'x/*' })] });
    expect(result).toMatchObject({ effect: 'deny', noMatch: true, exception: 'EXC-005' });
  });
});
