import type { Tier } from '../events/bundle-events';
import { ValidationError } from '@edict/core';

const SEGMENT = '[a-z0-9][a-z0-9-]{0,62}';
const PATTERNS: readonly [Tier, RegExp][] = [
  ['org', new RegExp(`^org/${SEGMENT}$`)],
  ['team', new RegExp(`^teams/${SEGMENT}/${SEGMENT}$`)],
  ['project', new RegExp(`^projects/${SEGMENT}/${SEGMENT}/${SEGMENT}$`)],
];

/** Every policy id form as one pattern (OpenAPI documents it on `policyId` parameters). */
export const POLICY_ID_FORMS_PATTERN = `^(org/${SEGMENT}|teams/${SEGMENT}/${SEGMENT}|projects/${SEGMENT}/${SEGMENT}/${SEGMENT})$`;

/** The tier of a policy id (`org/<name>`, `teams/<team>/<name>`, `projects/<team>/<project>/<name>`). */
export function tierOfPolicyId(policyId: string): Tier {
  const match = PATTERNS.find(([, pattern]) => pattern.test(policyId));
  if (!match) {
    throw new ValidationError('BUNDLE.POLICY_ID_INVALID', `'${policyId}' is not a policy id: use org/<name>, teams/<team>/<name> or projects/<team>/<project>/<name> (lower-case, digits, '-')`);
  }
  return match[0];
}

/** The parent tiers' policy ids of a policy: same name, up the hierarchy (org → team → project). */
export function parentPolicyIds(policyId: string): string[] {
  const parts = policyId.split('/');
  const name = parts[parts.length - 1] ?? '';
  switch (tierOfPolicyId(policyId)) {
    case 'org':
      return [];
    case 'team':
      return [`org/${name}`];
    case 'project':
      return [`org/${name}`, `teams/${parts[1] ?? ''}/${name}`];
  }
}
