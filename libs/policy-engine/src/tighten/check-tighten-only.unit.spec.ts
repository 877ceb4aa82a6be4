import { compiled } from '../testing/bundle-builder';
import { TightenCodes } from '../model/problem-codes';
import { checkTightenOnly } from './check-tighten-only';

const org = compiled(
  'org/baseline',
  [
    { id: 'allow-registries', priority: 100, effect: 'allow', match: { action: 'network.connect' }, when: 'request.resource in settings.allowLists.domains' },
    { id: 'network-default-deny', effect: 'deny', match: { action: 'network.connect' } },
    { id: 'deny-high-risk', priority: 900, effect: 'deny', when: 'context.risk >= 90' },
    { id: 'allow-read', priority: 50, effect: 'allow', match: { action: 'read' } },
    { id: 'deny-secret-read', priority: 10, effect: 'deny', match: { action: 'read', resource: 'secrets/**' } },
  ],
  { settings: { allowLists: { domains: ['npm', 'github'] }, limits: { tokens: 100 }, flags: { audit: true } } },
);

describe('checkTightenOnly', () => {
  it('given a team allow over an org deny, when checked, then the error names both in the runbook form', () => {
    const team = compiled('teams/alpha/network', [{ id: 'allow-npm', effect: 'allow', match: { action: 'network.connect', resource: 'npm-mirror' } }], { defaultEffect: 'allow' });
    const findings = checkTightenOnly(team, [org]);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        code: TightenCodes.RULE_LOOSENS_PARENT,
        message: "Team policy 'teams/alpha/network' rule 'allow-npm' loosens org baseline rule 'network-default-deny'",
        policyId: 'teams/alpha/network',
        parentPolicyId: 'org/baseline',
        ruleId: 'allow-npm',
        parentRuleId: 'network-default-deny',
        path: 'spec.rules[0]',
      }),
    ]);
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.parentRuleId)).toEqual(['deny-high-risk']);
  });

  it('given a parent deny masked by an unconditional parent allow ranked before it, when checked, then it is not reported', () => {
    const team = compiled('teams/alpha/x', [{ id: 'allow-read-repos', effect: 'allow', match: { action: 'read', resource: 'repos/**' } }], { defaultEffect: 'allow' });
    // deny-secret-read is ranked after allow-read, which covers the team rule: the org never denies there by it
    expect(checkTightenOnly(team, [org]).filter((f) => f.parentRuleId === 'deny-secret-read')).toEqual([]);
  });

  it('given rules that do not overlap the parent denies, when checked, then there is no error', () => {
    const team = compiled('teams/alpha/x', [
      { id: 'deny-more', effect: 'deny', match: { action: 'network.connect', resource: 'github' } },
      { id: 'approve', effect: 'require_approval', match: { action: 'deploy' } },
    ], { defaultEffect: 'allow' });
    expect(checkTightenOnly(team, [org]).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('given looser settings, when checked, then allow-list, limit and flag are each an error', () => {
    const team = compiled('teams/alpha/x', [], { defaultEffect: 'allow', settings: { allowLists: { domains: ['npm', 'evil'], tools: ['x'] }, limits: { tokens: 200, other: 5 }, flags: { audit: false, extra: false } } });
    expect(checkTightenOnly(team, [org]).map((f) => [f.code, f.path])).toEqual([
      [TightenCodes.ALLOW_LIST_WIDENED, 'spec.settings.allowLists.domains'],
      [TightenCodes.LIMIT_RAISED, 'spec.settings.limits.tokens'],
      [TightenCodes.FLAG_TURNED_OFF, 'spec.settings.flags.audit'],
    ]);
  });

  it('given tighter settings, when checked, then there is no finding', () => {
    const team = compiled('teams/alpha/x', [], { defaultEffect: 'allow', settings: { allowLists: { domains: ['npm'] }, limits: { tokens: 10 }, flags: { audit: true, more: true } } });
    expect(checkTightenOnly(team, [org])).toEqual([]);
  });

  it('given a project under a team, when the project loosens the team, then the team is named', () => {
    const team = compiled('teams/alpha/x', [{ id: 'no-deploy', effect: 'deny', match: { action: 'deploy' } }], { defaultEffect: 'allow' });
    const project = compiled('projects/alpha/web/x', [{ id: 'deploy-web', effect: 'allow', match: { action: 'deploy', resource: 'web' } }], { defaultEffect: 'allow' });
    expect(checkTightenOnly(project, [team]).map((f) => f.message)).toEqual(["Project policy 'projects/alpha/web/x' rule 'deploy-web' loosens team policy 'teams/alpha/x' rule 'no-deploy'"]);
  });

  it('given a parent that is not above the child, when checked, then it is refused', () => {
    const other = compiled('teams/beta/x', [], { defaultEffect: 'allow' });
    const project = compiled('projects/alpha/web/x', [], { defaultEffect: 'allow' });
    expect(checkTightenOnly(project, [other]).map((f) => f.code)).toEqual([TightenCodes.PARENT_NOT_ABOVE]);
    expect(checkTightenOnly(org, [other]).map((f) => f.code)).toEqual([TightenCodes.PARENT_NOT_ABOVE]);
  });

  it('given a child allow the parent can never allow, when checked, then it is a warning', () => {
    const team = compiled('teams/alpha/x', [{ id: 'allow-exec', effect: 'allow', match: { action: 'exec' } }], { defaultEffect: 'allow' });
    expect(checkTightenOnly(team, [org]).map((f) => [f.code, f.severity])).toEqual([
      [TightenCodes.RULE_LOOSENS_PARENT, 'warning'],
      [TightenCodes.ALLOW_UNDER_PARENT_DEFAULT_DENY, 'warning'],
    ]);
  });
});
