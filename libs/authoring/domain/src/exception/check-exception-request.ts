import { tierOfPolicyId, type ExceptionRequested } from '@edict/contracts';
import { ValidationError } from '@edict/core';
import type { RequestException } from './exception.commands';

const DAY_MS = 86_400_000;
const MATCH_EVERYTHING = new Set(['*', '**']);

const required = (value: string | undefined, field: string): string => {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') throw new ValidationError('EXCEPTION.FIELD_REQUIRED', `${field} is required`, { field });
  return trimmed;
};

/**
 * The request's invariants: every tracked field present, a resource narrower than "everything"
 * (that would be loosening the policy itself), an expiry after now and within the tier's maximum.
 */
export function checkExceptionRequest(data: RequestException['data']): ExceptionRequested['data'] {
  tierOfPolicyId(data.policyId);
  const resource = required(data.resource, 'resource');
  if (MATCH_EVERYTHING.has(resource)) throw new ValidationError('EXCEPTION.RESOURCE_TOO_BROAD', 'an exception names the resources it waives the rule for, not every resource');
  const expires = Date.parse(data.expiresAt);
  const at = Date.parse(data.at);
  if (Number.isNaN(expires)) throw new ValidationError('EXCEPTION.EXPIRY_INVALID', `expiresAt is not an ISO time: "${data.expiresAt}"`);
  if (expires <= at) throw new ValidationError('EXCEPTION.EXPIRY_INVALID', `expiresAt ${data.expiresAt} is not after now (${data.at})`);
  if (expires - at > data.maxDays * DAY_MS) {
    throw new ValidationError('EXCEPTION.EXPIRY_TOO_FAR', `an exception to a ${tierOfPolicyId(data.policyId)} policy lasts at most ${data.maxDays} days`, { maxDays: data.maxDays });
  }
  return {
    exceptionId: data.exceptionId,
    policyId: data.policyId,
    ruleId: required(data.ruleId, 'ruleId'),
    resource,
    ...(data.subject?.trim() ? { subject: data.subject.trim() } : {}),
    ...(data.agent?.trim() ? { agent: data.agent.trim() } : {}),
    justification: required(data.justification, 'justification'),
    ticket: required(data.ticket, 'ticket'),
    requestedBy: data.by.subject,
    requestedAt: data.at,
    expiresAt: new Date(expires).toISOString(),
  };
}
