/** The three tiers of the policy hierarchy, from the broadest to the narrowest. */
export type Tier = 'org' | 'team' | 'project';

/** Rank of a tier: org 0, team 1, project 2. Parents have a lower rank than their children. */
export const tierRank = (tier: Tier): number => (tier === 'org' ? 0 : tier === 'team' ? 1 : 2);

/** Policy ids are tier paths: `org/<name>`, `teams/<team>/<name>`, `projects/<team>/<project>/<name>`. */
export const POLICY_ID_PATTERN =
  '^(org/[a-z0-9][a-z0-9._-]*|teams/[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*|projects/[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*)$';

const policyIdRegex = new RegExp(POLICY_ID_PATTERN);

/** The tier a policy id belongs to, or null when the id is not a valid tier path. */
export function tierOfPolicyId(policyId: string): Tier | null {
  if (!policyIdRegex.test(policyId)) return null;
  if (policyId.startsWith('org/')) return 'org';
  return policyId.startsWith('teams/') ? 'team' : 'project';
}

/** The team a team or project policy belongs to (`teams/alpha/x`, `projects/alpha/web/x` → `alpha`). */
export function teamOfPolicyId(policyId: string): string | null {
  const parts = policyId.split('/');
  return parts[0] === 'teams' || parts[0] === 'projects' ? (parts[1] ?? null) : null;
}
