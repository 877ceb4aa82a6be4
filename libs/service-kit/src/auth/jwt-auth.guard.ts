import { Inject, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import type { Role } from '@edict/contracts';
import { UnauthenticatedError } from '@edict/core';
import { EdgeCodes } from '../problem/problem-codes';
import { TOKEN_VERIFIER } from '../service-kit.tokens';
import { readBearerToken } from './bearer-token';
import { attachPrincipal } from './principal.store';
import { IS_PUBLIC_KEY } from './public.decorator';
import { requireAnyRole } from './role-check';
import { ROLES_KEY } from './roles.decorator';
import type { TokenVerifier } from './token-verifier';

/**
 * The global guard: every HTTP handler needs a valid bearer token unless it is `@Public()`, and
 * the roles of `@Roles(...)` if any. Non-HTTP contexts (Kafka handlers of a hybrid app) pass:
 * the broker authenticates those.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<IncomingMessage>();
    const bearer = readBearerToken(request.headers.authorization);
    if (bearer.kind === 'missing') throw new UnauthenticatedError(EdgeCodes.tokenMissing, 'A bearer token is required.');
    if (bearer.kind === 'malformed') {
      throw new UnauthenticatedError(EdgeCodes.tokenInvalid, 'The Authorization header must be "Bearer <token>".');
    }
    const principal = await this.verify(bearer.token);
    attachPrincipal(request, principal);
    requireAnyRole(principal.roles, this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? []);
    return true;
  }
}
