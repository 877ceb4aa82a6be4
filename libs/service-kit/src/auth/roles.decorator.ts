import { SetMetadata } from '@nestjs/common';
import type { Role } from '@edict/contracts';

export const ROLES_KEY = 'edict:auth:roles';

/**
 * The caller needs any one of these roles (403 `AUTH.ROLE_REQUIRED` otherwise). On a handler it
 * replaces the controller's requirement rather than adding to it.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
