import type { Role, Tier } from '@edict/contracts';

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
