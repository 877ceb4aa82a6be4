import type { ExceptionState } from './exception.state';

/** The exceptions whose expiry has come and that have no ExceptionExpired (nor revocation) yet. */
export const dueForExpiry = (states: readonly ExceptionState[], now: Date): string[] =>
  states.flatMap((s) => (s.kind === 'exists' && (s.status === 'requested' || s.status === 'approved') && Date.parse(s.request.expiresAt) <= now.getTime() ? [s.request.exceptionId] : []));
