/** Who may read the decision log and its windows: every role (decisions are masked before they are stored). */
export const DECISION_READERS = ['author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin'] as const;
