import type { ExceptionListQueryDto } from './exception.dto';
import { exceptionView, type ExceptionView, type ExistingException } from './exception-view';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `7d` → milliseconds (the DTO admits only `<n>[smhd]`). */
export const durationMs = (text: string): number => Number(text.slice(0, -1)) * (UNIT_MS[text.slice(-1)] ?? Number.NaN);

/**
 * The list filters: policy, status (`active` = approved and before its expiry now), and `expiring`
 * (still pending or approved, not yet past its expiry, and expiring within that long: the review list).
 */
export function listExceptions(states: readonly ExistingException[], query: ExceptionListQueryDto, now: Date): ExceptionView[] {
  const horizon = query.expiring === undefined ? undefined : now.getTime() + durationMs(query.expiring);
  return states
    .map((s) => exceptionView(s, now))
    .filter((e) => query.policyId === undefined || e.policyId === query.policyId)
    .filter((e) => query.status === undefined || (query.status === 'active' ? e.active : e.status === query.status))
    .filter((e) => {
      if (horizon === undefined) return true;
      const expires = Date.parse(e.expiresAt);
      return (e.status === 'approved' || e.status === 'requested') && expires > now.getTime() && expires <= horizon;
    });
}
