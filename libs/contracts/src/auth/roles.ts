/** Roles a bearer token may carry in its `roles` claim (ARCHITECTURE.md "HTTP conventions"). */
export const ROLES = ['author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
