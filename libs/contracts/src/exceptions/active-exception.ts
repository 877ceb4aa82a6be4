/**
 * An approved exception as decision points hold it (authoring's `GET /v1/exceptions?status=approved`).
 * A decision point applies it only while its own clock is before `expiresAt`.
 */
export interface ActiveException {
  readonly exceptionId: string;
  readonly policyId: string;
  readonly ruleId: string;
  readonly resource: string;
  readonly subject?: string;
  readonly agent?: string;
  readonly expiresAt: string;
}

export type ExceptionStatus = 'requested' | 'approved' | 'revoked' | 'expired';

/** `EXC-001`: numbers past 999 keep all their digits. */
export const formatExceptionId = (number: number): string => `EXC-${String(number).padStart(3, '0')}`;

export const EXCEPTION_ID_PATTERN = /^EXC-\d{3,}$/;

/**
 * Whether an approved exception applies to a decision for `subject` at `now`: before its expiry by
 * the decision point's own clock (so a missed ExceptionExpired changes nothing), and for this
 * subject when it names one.
 */
export const exceptionInForce = (e: ActiveException, now: Date, subject: string): boolean =>
  now.getTime() < Date.parse(e.expiresAt) && (e.subject === undefined || e.subject === subject);
