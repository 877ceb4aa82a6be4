import type { Role, Tier } from '@edict/contracts';
import { requiredApprovalRoles } from '../approval-policy';

/** How long an exception may last at most, by the tier of the policy it waives (days). */
export type ExceptionMaxDays = Readonly<Record<Tier, number>>;

export const DEFAULT_EXCEPTION_MAX_DAYS: ExceptionMaxDays = { org: 30, team: 90, project: 180 };

/** The roles that approve an exception of a tier: the tier's approvers (any one of them). */
export const exceptionApproverRoles = (tier: Tier): readonly Role[] => requiredApprovalRoles[tier];

/**
 * `EDICT_EXCEPTION_MAX_DAYS` as `org=30,team=90,project=180` (any subset; the rest keep their
 * defaults). Anything else is refused so that a typo never lifts a limit.
 */
export function parseExceptionMaxDays(text: string | undefined): ExceptionMaxDays {
  const result: Record<Tier, number> = { ...DEFAULT_EXCEPTION_MAX_DAYS };
  for (const part of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [tier, days] = part.split('=');
    const value = Number(days);
    if ((tier !== 'org' && tier !== 'team' && tier !== 'project') || !Number.isFinite(value) || value <= 0) {
      throw new Error(`EDICT_EXCEPTION_MAX_DAYS: "${part}" is not <org|team|project>=<days>`);
    }
    result[tier] = value;
  }
  return result;
}
