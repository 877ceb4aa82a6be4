import { holdsRoleFor, rolloutRoles, teamOfPolicy, type RolloutAction } from '@edict/contracts';
import { ForbiddenError } from '@edict/core';
import type { Principal } from '@edict/service-kit';

/**
 * The tier rule behind `@Roles`: org rollouts need platform or oncall, a team's and its projects'
 * need a lead of that team (the token's `teams` claim) or platform/oncall as docs/security.md lists.
 */
export function requireRolloutAccess(who: Principal, policyId: string, action: RolloutAction): void {
  const allowed = rolloutRoles(policyId, action);
  if (holdsRoleFor(who, policyId, allowed)) return;
  const team = teamOfPolicy(policyId);
  const whom = allowed.map((role) => (role === 'team-lead' && team ? `team-lead of ${team}` : role)).join(', ');
  throw new ForbiddenError('ROLLOUT.TIER_ROLE_REQUIRED', `${action} on ${policyId} needs one of: ${whom}`, { required: allowed, ...(team ? { team } : {}) });
}
