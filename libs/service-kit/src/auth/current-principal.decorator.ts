import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal';
import { principalOf } from './principal.store';

/**
 * Injects the verified `Principal` into a handler parameter. Only on routes the guard
 * authenticates: on a `@Public()` route there is no principal, and asking for one is a bug.
 */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context.switchToHttp().getRequest<object>());
  if (!principal) throw new Error('@CurrentPrincipal() used on a route without authentication');
  return principal;
});
