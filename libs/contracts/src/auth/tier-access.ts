import type { Role } from './roles';
import { tierOfPolicyId } from '../policy/policy-id';

/** What a person does to a policy's rollout, as distribution's commands name it. */
export type RolloutAction = 'start' | 'promote' | 'rollback' | 'pause' | 'resume' | 'pin' | 'unpin';

/** Who acts: the roles and teams a verified token carries. */
export interface TeamActor {
  readonly roles: readonly string[];
  readonly teams: readonly string[];
}

const STEERING: readonly RolloutAction[] = ['rollback', 'pause', 'resume', 'pin', 'unpin'];

/**
 * The roles that may take a rollout action on a policy of each tier (docs/security.md, "Who may
 * do what"). `team-lead` counts only for the policy's own team (`teams/<team>/…`,
 * `projects/<team>/…`), read from the token's `teams` claim.
 */
export function rolloutRoles(policyId: string, action: RolloutAction): readonly Role[] {
  const steering = STEERING.includes(action);
  if (tierOfPolicyId(policyId) === 'org') return ['platform', 'oncall', 'admin'];
  return steering ? ['team-lead', 'oncall', 'platform', 'admin'] : ['team-lead', 'platform', 'admin'];
}

/** The team a team or project policy belongs to; undefined for org policies. */
export function teamOfPolicy(policyId: string): string | undefined {
  return tierOfPolicyId(policyId) === 'org' ? undefined : policyId.split('/')[1];
}

/**
 * Whether an actor holds a role that counts for this policy: any of `allowed`, where `team-lead`
 * counts only with the policy's team in the actor's teams. Pure; the edge turns `false` into 403.
 */
export function holdsRoleFor(actor: TeamActor, policyId: string, allowed: readonly Role[]): boolean {
  const team = teamOfPolicy(policyId);
  return allowed.some((role) => actor.roles.includes(role) && (role !== 'team-lead' || (team !== undefined && actor.teams.includes(team))));
}
