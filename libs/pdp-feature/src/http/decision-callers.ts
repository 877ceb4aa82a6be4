import type { Role } from '@edict/contracts';

/** Who may ask the PDP for decisions and list its policies: every role but the decision points' own. */
export const DECISION_CALLERS = ['author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin'] as const satisfies readonly Role[];
