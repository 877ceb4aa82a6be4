import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@edict/contracts';

export const ROLES_KEY = 'edict:auth:roles';

/**
 * The caller needs any one of these roles (403 `AUTH.ROLE_REQUIRED` otherwise). On a handler it
 * replaces the controller's requirement rather than adding to it (so does its OpenAPI extension
 * `x-edict-roles`, from which the document gets its 403).
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-edict-roles', roles));
