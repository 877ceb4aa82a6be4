import type { Role } from '@edict/contracts';

/** Who is calling, as the verified bearer token says. */
export interface Principal {
  /** the token's `sub` */
  readonly subject: string;
  /** the token's `roles`, limited to the roles Edict knows */
  readonly roles: readonly Role[];
  /** the teams the person leads or belongs to (the `teams` claim, or the configured claim name) */
  readonly teams: readonly string[];
  /** the raw token, for calls made on the caller's behalf; never log it */
  readonly token?: string;
}
