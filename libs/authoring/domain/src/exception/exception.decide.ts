import { holdsRoleFor, tierOfPolicyId, type ExceptionEvent } from '@edict/contracts';
import { assertNever, ConflictError, ForbiddenError, NotFoundError } from '@edict/core';
import type { ApproveException, ExceptionCommand, RevokeException } from './exception.commands';
import { exceptionApproverRoles } from './exception-limits';
import type { ExceptionState } from './exception.state';
import { checkExceptionRequest } from './check-exception-request';

type Existing = Extract<ExceptionState, { kind: 'exists' }>;

const existing = (state: ExceptionState): Existing => {
  if (state.kind === 'none') throw new NotFoundError('EXCEPTION.NOT_FOUND', 'no such exception');
  return state;
};

const reached = (at: string, expiresAt: string): boolean => Date.parse(at) >= Date.parse(expiresAt);

/** One approver of the tier's roles, never the requester, before the expiry. */
function approve({ data }: ApproveException, state: Existing): ExceptionEvent[] {
  const { request } = state;
  if (state.status !== 'requested') throw new ConflictError('EXCEPTION.NOT_AWAITING_APPROVAL', `${request.exceptionId} is ${state.status}`);
  if (data.by.subject === request.requestedBy) throw new ForbiddenError('EXCEPTION.SELF_APPROVAL', 'the requester never approves their own exception');
  const roles = exceptionApproverRoles(tierOfPolicyId(request.policyId));
  const role = roles.find((r) => holdsRoleFor({ roles: data.by.roles, teams: data.by.teams ?? [] }, request.policyId, [r]));
  if (!role) throw new ForbiddenError('EXCEPTION.APPROVER_ROLE_REQUIRED', `an exception to ${request.policyId} is approved by one of: ${roles.join(', ')} (team lead: of the policy's team)`, { required: roles });
  if (reached(data.at, request.expiresAt)) throw new ConflictError('EXCEPTION.EXPIRED', `${request.exceptionId} expired at ${request.expiresAt}`);
  return [{ type: 'ExceptionApproved', data: { exceptionId: request.exceptionId, policyId: request.policyId, approvedBy: data.by.subject, role, approvedAt: data.at, expiresAt: request.expiresAt } }];
}

/** The requester, one of the tier's approvers, or an admin ends an exception early. */
function revoke({ data }: RevokeException, state: Existing): ExceptionEvent[] {
  const { request } = state;
  if (state.status === 'revoked' || state.status === 'expired') throw new ConflictError('EXCEPTION.NOT_ACTIVE', `${request.exceptionId} is already ${state.status}`);
  const actor = { roles: data.by.roles, teams: data.by.teams ?? [] };
  const allowed = data.by.subject === request.requestedBy || holdsRoleFor(actor, request.policyId, [...exceptionApproverRoles(tierOfPolicyId(request.policyId)), 'admin']);
  if (!allowed) throw new ForbiddenError('EXCEPTION.REVOKE_ROLE_REQUIRED', 'the requester, an approver of the tier or an admin revokes an exception');
  if (data.reason.trim() === '') throw new ConflictError('EXCEPTION.REASON_REQUIRED', 'a revocation needs a reason');
  return [{ type: 'ExceptionRevoked', data: { exceptionId: request.exceptionId, policyId: request.policyId, revokedBy: data.by.subject, reason: data.reason, revokedAt: data.at } }];
}

export function decideException(command: ExceptionCommand, state: ExceptionState): readonly ExceptionEvent[] {
  switch (command.type) {
    case 'RequestException':
      if (state.kind !== 'none') throw new ConflictError('EXCEPTION.ID_TAKEN', `${command.data.exceptionId} exists`);
      return [{ type: 'ExceptionRequested', data: checkExceptionRequest(command.data) }];
    case 'ApproveException':
      return approve(command, existing(state));
    case 'RevokeException':
      return revoke(command, existing(state));
    case 'ExpireException': {
      const { status, request } = existing(state);
      if (status === 'revoked' || status === 'expired') return [];
      if (!reached(command.data.at, request.expiresAt)) throw new ConflictError('EXCEPTION.NOT_DUE', `${request.exceptionId} expires at ${request.expiresAt}`);
      return [{ type: 'ExceptionExpired', data: { exceptionId: request.exceptionId, policyId: request.policyId, expiresAt: request.expiresAt, expiredAt: command.data.at } }];
    }
    default:
      return assertNever(command, 'exception command');
  }
}
