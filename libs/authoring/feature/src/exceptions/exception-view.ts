import { exceptionDecider, type ExceptionState } from '@edict/authoring-domain';
import type { ExceptionEvent, ExceptionRequested, ExceptionStatus } from '@edict/contracts';
import { foldEvents } from '@edict/core';
import type { StoredEvent } from '@edict/event-store';

export type ExistingException = Extract<ExceptionState, { kind: 'exists' }>;

/** What was requested (the ExceptionRequested event's fields), and where it stands now. */
export interface ExceptionView extends Readonly<ExceptionRequested['data']> {
  readonly status: ExceptionStatus;
  /** approved and before its expiry at the time of the answer */
  readonly active: boolean;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
  readonly revokedBy?: string;
  readonly revokedAt?: string;
  readonly revokeReason?: string;
  readonly expiredAt?: string;
}

export const foldException = (events: readonly StoredEvent[]): ExceptionState =>
  foldEvents(exceptionDecider, events.map((e) => ({ type: e.type, data: e.data }) as ExceptionEvent));

export function exceptionView(state: ExistingException, now: Date): ExceptionView {
  const { kind: _kind, request, status, ...rest } = state;
  return { ...request, status, active: status === 'approved' && now.getTime() < Date.parse(request.expiresAt), ...rest };
}
