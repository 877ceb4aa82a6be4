import type { Command } from '@edict/core';
import type { Actor } from '../bundle.commands';

export type RequestException = Command<'RequestException', {
  readonly exceptionId: string;
  readonly policyId: string;
  readonly ruleId: string;
  readonly resource: string;
  readonly subject?: string;
  readonly agent?: string;
  readonly justification: string;
  readonly ticket: string;
  readonly expiresAt: string;
  /** the longest an exception of this policy's tier may last (exceptionMaxDays) */
  readonly maxDays: number;
  readonly by: Actor;
  readonly at: string;
}>;

export type ApproveException = Command<'ApproveException', { readonly by: Actor; readonly at: string }>;
export type RevokeException = Command<'RevokeException', { readonly by: Actor; readonly reason: string; readonly at: string }>;
/** The expiry job's command: records the expiry once `at` has reached `expiresAt`. */
export type ExpireException = Command<'ExpireException', { readonly at: string }>;

export type ExceptionCommand = RequestException | ApproveException | RevokeException | ExpireException;
