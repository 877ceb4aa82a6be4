/**
 * Roles a bearer token may carry in its `roles` claim (ARCHITECTURE.md "HTTP conventions"). `pdp` is
 * the read-only role of decision points and OPA agents: serving state and bundles, posting decisions
 * and status, nothing else (docs/security.md).
 */
export const ROLES = ['author', 'reviewer', 'team-lead', 'security', 'platform', 'oncall', 'auditor', 'admin', 'pdp'] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
