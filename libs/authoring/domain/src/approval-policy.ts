import { holdsRoleFor, teamOfPolicy, type Role, type Tier } from '@edict/contracts';
import { ForbiddenError } from '@edict/core';

/**
 * Roles whose approval each tier requires, one distinct approver per role (runbook "Policy
 * Update Process"): the org baseline needs security and platform; team and project policies a
 * team lead. The author never approves their own version.
 */
export const requiredApprovalRoles: Readonly<Record<Tier, readonly Role[]>> = {
  org: ['security', 'platform'],
  team: ['team-lead'],
  project: ['team-lead'],
};

/** The required roles not yet covered by the approvals granted so far. */
export const missingApprovalRoles = (tier: Tier, granted: readonly { readonly role: string }[]): Role[] =>
  requiredApprovalRoles[tier].filter((role) => !granted.some((g) => g.role === role));

/**
 * The first of `needed` that the actor holds for this policy: `team-lead` counts only with the
 * policy's team in the token's `teams` (docs/security.md). Refuses with 403: a team lead of another
 * team gets `BUNDLE.APPROVER_TEAM_REQUIRED`, anyone else `BUNDLE.APPROVER_ROLE_REQUIRED`.
 */
export function approverRole(by: { readonly roles: readonly Role[]; readonly teams?: readonly string[] }, policyId: string, needed: readonly Role[], what = 'an approval'): Role {
  const actor = { roles: by.roles, teams: by.teams ?? [] };
  const role = needed.find((r) => holdsRoleFor(actor, policyId, [r]));
  if (role) return role;
  const team = teamOfPolicy(policyId);
  if (team && needed.includes('team-lead') && by.roles.includes('team-lead')) {
    throw new ForbiddenError('BUNDLE.APPROVER_TEAM_REQUIRED', `${what} of ${policyId} needs a team lead of ${team}`, { required: needed, team });
  }
  throw new ForbiddenError('BUNDLE.APPROVER_ROLE_REQUIRED', `${what} from one of: ${needed.join(', ')} is needed`, { required: needed });
}
