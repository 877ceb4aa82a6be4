import { holdsRoleFor, rolloutRoles, teamOfPolicy } from './tier-access';

describe('who may steer a rollout, by tier', () => {
  const lead = (...teams: string[]) => ({ roles: ['team-lead'], teams });
  const as = (...roles: string[]) => ({ roles, teams: [] });

  it('org rollouts need platform or oncall (or admin); a team lead never counts', () => {
    for (const action of ['start', 'promote', 'rollback', 'pin'] as const) {
      expect(rolloutRoles('org/baseline', action)).toEqual(['platform', 'oncall', 'admin']);
      expect(holdsRoleFor(lead('alpha'), 'org/baseline', rolloutRoles('org/baseline', action))).toBe(false);
      expect(holdsRoleFor(as('oncall'), 'org/baseline', rolloutRoles('org/baseline', action))).toBe(true);
    }
  });

  it("team and project rollouts: that team's leads, platform; oncall steers but does not start", () => {
    expect(holdsRoleFor(lead('alpha'), 'teams/alpha/network', rolloutRoles('teams/alpha/network', 'start'))).toBe(true);
    expect(holdsRoleFor(lead('beta'), 'teams/alpha/network', rolloutRoles('teams/alpha/network', 'start'))).toBe(false);
    expect(holdsRoleFor(lead('alpha'), 'projects/alpha/web/network', rolloutRoles('projects/alpha/web/network', 'rollback'))).toBe(true);
    expect(holdsRoleFor(lead('beta'), 'projects/alpha/web/network', rolloutRoles('projects/alpha/web/network', 'rollback'))).toBe(false);
    expect(holdsRoleFor(as('oncall'), 'teams/alpha/network', rolloutRoles('teams/alpha/network', 'start'))).toBe(false);
    expect(holdsRoleFor(as('oncall'), 'teams/alpha/network', rolloutRoles('teams/alpha/network', 'rollback'))).toBe(true);
    expect(holdsRoleFor(as('platform'), 'teams/alpha/network', rolloutRoles('teams/alpha/network', 'promote'))).toBe(true);
  });

  it('a team-lead role without teams counts for nothing', () => {
    expect(holdsRoleFor(lead(), 'teams/alpha/network', ['team-lead'])).toBe(false);
  });

  it('names the team of team and project policies', () => {
    expect(teamOfPolicy('org/x')).toBeUndefined();
    expect(teamOfPolicy('teams/alpha/x')).toBe('alpha');
    expect(teamOfPolicy('projects/alpha/web/x')).toBe('alpha');
  });
});
