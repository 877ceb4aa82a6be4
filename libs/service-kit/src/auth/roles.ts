// The role list is part of the contracts (the CLI and other services need it too); the edge
// re-exports it so that controllers get everything auth-related from @edict/service-kit.
export { ROLES, isRole } from '@edict/contracts';
export type { Role } from '@edict/contracts';
