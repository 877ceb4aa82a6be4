import { SignJWT } from 'jose';
import { isRole } from '@edict/contracts';
import type { Role } from '@edict/contracts';
import { DEV_JWT_DEFAULT_SECRET, DEV_JWT_ISSUER } from './auth.config';

export interface MintDevTokenOptions {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** the `teams` claim: teams the subject leads or belongs to */
  readonly teams?: readonly string[];
  /** default: `EDICT_DEV_JWT_SECRET`, else `DEV_JWT_DEFAULT_SECRET` (what a local service accepts) */
  readonly secret?: string;
  /** default: one hour; zero or negative mints an already expired token (for tests) */
  readonly ttlSeconds?: number;
}

/**
 * Mints a token of the dev issuer (HS256, issuer `edict-dev`, claims `sub` and `roles`), as
 * `edict auth token --role …` and tests need. Unknown roles are refused here, so that a typo
 * on the command line fails loudly instead of producing a token that is silently weaker.
 */
export async function mintDevToken(options: MintDevTokenOptions): Promise<string> {
  const unknown = options.roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new Error(`unknown roles: ${unknown.join(', ')}`);
  if (options.subject === '') throw new Error('a token needs a subject');
  const secret = options.secret ?? (process.env['EDICT_DEV_JWT_SECRET'] || DEV_JWT_DEFAULT_SECRET);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: [...options.roles], ...(options.teams && options.teams.length > 0 ? { teams: [...options.teams] } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject)
    .setIssuer(DEV_JWT_ISSUER)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 3600))
    .sign(new TextEncoder().encode(secret));
}
