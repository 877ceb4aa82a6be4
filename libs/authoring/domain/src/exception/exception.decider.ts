import { assertNever, type Decider } from '@edict/core';
import type { ExceptionEvent } from '@edict/contracts';
import type { ExceptionCommand } from './exception.commands';
import { decideException } from './exception.decide';
import { initialExceptionState, type ExceptionState } from './exception.state';

export function evolveException(state: ExceptionState, event: ExceptionEvent): ExceptionState {
  if (event.type === 'ExceptionRequested') return { kind: 'exists', status: 'requested', request: event.data };
  if (state.kind === 'none') return state;
  switch (event.type) {
    case 'ExceptionApproved':
      return { ...state, status: 'approved', approvedBy: event.data.approvedBy, approvedAt: event.data.approvedAt };
    case 'ExceptionRevoked':
      return { ...state, status: 'revoked', revokedBy: event.data.revokedBy, revokedAt: event.data.revokedAt, revokeReason: event.data.reason };
    case 'ExceptionExpired':
      return { ...state, status: 'expired', expiredAt: event.data.expiredAt };
    default:
      return assertNever(event, 'exception event');
  }
}

/** The `exception-<id>` aggregate: requested → approved → revoked or expired (or expired unapproved). */
export const exceptionDecider: Decider<ExceptionCommand, ExceptionEvent, ExceptionState> = {
  decide: decideException,
  evolve: evolveException,
  initialState: initialExceptionState,
};
