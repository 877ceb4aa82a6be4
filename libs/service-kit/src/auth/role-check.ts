import type { Role } from '@edict/contracts';
import { ForbiddenError } from '@edict/core';
import { EdgeCodes } from '../problem/problem-codes';

/**
 * Whether the granted roles include any of the required ones; no requirement means allowed.
 * `admin` is deliberately not a wildcard: separation of duties (author ≠ approver, tier roles)
 * must hold for admins too, so a handler that admins may use lists `admin`.
 */
export function hasAnyRole(granted: readonly Role[], required: readonly Role[]): boolean {
  return required.length === 0 || required.some((role) => granted.includes(role));
}

/** Throws 403 `AUTH.ROLE_REQUIRED` (details: `requiredRoles`) unless `hasAnyRole`; for checks in code. */
export function requireAnyRole(granted: readonly Role[], required: readonly Role[]): void {
  if (hasAnyRole(granted, required)) return;
  throw new ForbiddenError(EdgeCodes.roleRequired, `This requires one of the roles: ${required.join(', ')}.`, {
    requiredRoles: [...required],
  });
}
