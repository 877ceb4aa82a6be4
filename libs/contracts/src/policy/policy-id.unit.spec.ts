import { ValidationError } from '@edict/core';
import { parentPolicyIds, tierOfPolicyId } from './policy-id';

const refusal = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error: unknown) {
    return error;
  }
  return undefined;
};

describe('tierOfPolicyId', () => {
  it.each([
    ['org/baseline', 'org'],
    ['org/a', 'org'],
    [`org/${'a'.repeat(63)}`, 'org'],
    ['teams/alpha/network', 'team'],
    ['teams/team-7/net-2', 'team'],
    ['projects/alpha/web/deploy', 'project'],
  ])('%s is a %s policy', (policyId, tier) => {
    expect(tierOfPolicyId(policyId)).toBe(tier);
  });

  it.each([
    '',
    'org',
    'org/',
    'org/Baseline',
    'org/base_line',
    'org/-baseline',
    `org/${'a'.repeat(64)}`,
    'org/a/b',
    '/org/baseline',
    'org/baseline/',
    'org/baseline\n',
    'team/alpha/network',
    'teams/alpha',
    'teams/alpha/network/extra',
    'projects/alpha/web',
    'projects/alpha//deploy',
    'projects/alpha/web/deploy/x',
    'orgs/baseline',
    'org/../teams',
  ])('refuses %j with BUNDLE.POLICY_ID_INVALID', (policyId) => {
    const error = refusal(() => tierOfPolicyId(policyId));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'BUNDLE.POLICY_ID_INVALID', status: 400 });
  });
});

describe('parentPolicyIds', () => {
  it('an org policy has no parents', () => {
    expect(parentPolicyIds('org/network')).toEqual([]);
  });

  it('a team policy has the org policy of the same name', () => {
    expect(parentPolicyIds('teams/alpha/network')).toEqual(['org/network']);
  });

  it('a project policy has the org policy and its team policy of the same name, top down', () => {
    expect(parentPolicyIds('projects/alpha/web/network')).toEqual(['org/network', 'teams/alpha/network']);
  });

  it('refuses an id that is not a policy id', () => {
    expect(refusal(() => parentPolicyIds('projects/alpha/network'))).toMatchObject({ code: 'BUNDLE.POLICY_ID_INVALID' });
  });
});
