import type { ExceptionEvent, ExceptionRequested } from '@edict/contracts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import type { Actor } from '../bundle.commands';
import type { RequestException } from './exception.commands';
import { exceptionDecider } from './exception.decider';
import { dueForExpiry } from './exception-expiry';
import { DEFAULT_EXCEPTION_MAX_DAYS, parseExceptionMaxDays } from './exception-limits';

const spec = deciderSpec(exceptionDecider);
const T0 = '2026-12-01T10:00:00.000Z';
const IN_10_DAYS = '2026-12-11T10:00:00.000Z';
const alice: Actor = { subject: 'alice', roles: ['author'] };
const sam: Actor = { subject: 'sam', roles: ['security'] };
const tina: Actor = { subject: 'tina', roles: ['team-lead'], teams: ['alpha'] };
const otherLead: Actor = { subject: 'olga', roles: ['team-lead'], teams: ['beta'] };

const request = (over: Partial<RequestException['data']> = {}): RequestException => ({
  type: 'RequestException',
  data: { exceptionId: 'EXC-001', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'buckets/legacy-*', justification: 'Pre-2024 bucket', ticket: 'SEC-1234', expiresAt: IN_10_DAYS, maxDays: 30, by: alice, at: T0, ...over },
});
const requested = (over: Partial<ExceptionRequested['data']> = {}): ExceptionEvent => ({
  type: 'ExceptionRequested',
  data: { exceptionId: 'EXC-001', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'buckets/legacy-*', justification: 'Pre-2024 bucket', ticket: 'SEC-1234', requestedBy: 'alice', requestedAt: T0, expiresAt: IN_10_DAYS, ...over },
});
const approved: ExceptionEvent = { type: 'ExceptionApproved', data: { exceptionId: 'EXC-001', policyId: 'org/storage', approvedBy: 'sam', role: 'security', approvedAt: T0, expiresAt: IN_10_DAYS } };

describe('RequestException', () => {
  it('given nothing, when requested with every field, then ExceptionRequested records it', () => {
    spec.given([]).when(request({ agent: ' terraform ' })).then([requested({ agent: 'terraform' })]);
  });

  it.each([
    ['an expiry past the tier maximum', { expiresAt: '2027-01-01T10:00:01.000Z' }, 'EXCEPTION.EXPIRY_TOO_FAR'],
    ['an expiry in the past', { expiresAt: '2026-12-01T09:00:00.000Z' }, 'EXCEPTION.EXPIRY_INVALID'],
    ['an expiry that is not a time', { expiresAt: 'soon' }, 'EXCEPTION.EXPIRY_INVALID'],
    ['a resource of everything', { resource: '**' }, 'EXCEPTION.RESOURCE_TOO_BROAD'],
    ['no ticket', { ticket: ' ' }, 'EXCEPTION.FIELD_REQUIRED'],
    ['no justification', { justification: '' }, 'EXCEPTION.FIELD_REQUIRED'],
    ['no rule', { ruleId: '' }, 'EXCEPTION.FIELD_REQUIRED'],
  ])('refuses %s', (_what, over, code) => {
    spec.given([]).when(request(over)).thenThrows(code, ValidationError);
  });

  it('refuses an id already taken', () => {
    spec.given([requested()]).when(request()).thenThrows('EXCEPTION.ID_TAKEN', ConflictError);
  });
});

describe('ApproveException', () => {
  const approve = (by: Actor, at = T0) => ({ type: 'ApproveException' as const, data: { by, at } });

  it('given a request, when a security approver approves, then ExceptionApproved names them and their role', () => {
    spec.given([requested()]).when(approve(sam)).then([approved]);
  });

  it('never lets the requester approve, whatever roles they hold', () => {
    spec.given([requested({ requestedBy: 'sam' })]).when(approve(sam)).thenThrows('EXCEPTION.SELF_APPROVAL', ForbiddenError);
  });

  it('refuses someone without the tier approver role (org: security or platform)', () => {
    spec.given([requested()]).when(approve(tina)).thenThrows('EXCEPTION.APPROVER_ROLE_REQUIRED', ForbiddenError);
  });

  it('takes a team lead of the policy team for a team policy, not one of another team', () => {
    const teamRequest = requested({ policyId: 'teams/alpha/storage' });
    spec.given([teamRequest]).when(approve(otherLead)).thenThrows('EXCEPTION.APPROVER_ROLE_REQUIRED', ForbiddenError);
    spec.given([teamRequest]).when(approve(tina)).then([{ type: 'ExceptionApproved', data: { exceptionId: 'EXC-001', policyId: 'teams/alpha/storage', approvedBy: 'tina', role: 'team-lead', approvedAt: T0, expiresAt: IN_10_DAYS } }]);
  });

  it('refuses once the expiry has come, and an approval twice', () => {
    spec.given([requested()]).when(approve(sam, IN_10_DAYS)).thenThrows('EXCEPTION.EXPIRED', ConflictError);
    spec.given([requested(), approved]).when(approve(sam)).thenThrows('EXCEPTION.NOT_AWAITING_APPROVAL', ConflictError);
  });

  it('refuses an exception that does not exist', () => {
    spec.given([]).when(approve(sam)).thenThrows('EXCEPTION.NOT_FOUND', NotFoundError);
  });
});

describe('RevokeException', () => {
  const revoke = (by: Actor, reason = 'migrated') => ({ type: 'RevokeException' as const, data: { by, reason, at: T0 } });

  it('the requester revokes with a reason', () => {
    spec.given([requested(), approved]).when(revoke(alice)).then([{ type: 'ExceptionRevoked', data: { exceptionId: 'EXC-001', policyId: 'org/storage', revokedBy: 'alice', reason: 'migrated', revokedAt: T0 } }]);
  });

  it('refuses someone who is neither requester, approver nor admin; and a revocation without reason or twice', () => {
    spec.given([requested(), approved]).when(revoke(tina)).thenThrows('EXCEPTION.REVOKE_ROLE_REQUIRED', ForbiddenError);
    spec.given([requested(), approved]).when(revoke(sam, ' ')).thenThrows('EXCEPTION.REASON_REQUIRED', ConflictError);
    const revoked: ExceptionEvent = { type: 'ExceptionRevoked', data: { exceptionId: 'EXC-001', policyId: 'org/storage', revokedBy: 'sam', reason: 'x', revokedAt: T0 } };
    spec.given([requested(), approved, revoked]).when(revoke(sam)).thenThrows('EXCEPTION.NOT_ACTIVE', ConflictError);
  });
});

describe('ExpireException (the expiry job, injected clock)', () => {
  const expire = (at: string) => ({ type: 'ExpireException' as const, data: { at } });
  const expired: ExceptionEvent = { type: 'ExceptionExpired', data: { exceptionId: 'EXC-001', policyId: 'org/storage', expiresAt: IN_10_DAYS, expiredAt: IN_10_DAYS } };

  it('given an approved exception, when the clock reaches its expiry, then ExceptionExpired is recorded once', () => {
    const state = spec.given([requested(), approved]).when(expire(IN_10_DAYS)).then([expired]);
    expect(state).toMatchObject({ status: 'expired', expiredAt: IN_10_DAYS });
    spec.given([requested(), approved, expired]).when(expire('2026-12-12T00:00:00.000Z')).then([]);
  });

  it('refuses before the expiry', () => {
    spec.given([requested(), approved]).when(expire('2026-12-11T09:59:59.999Z')).thenThrows('EXCEPTION.NOT_DUE', ConflictError);
  });

  it('dueForExpiry lists exactly the approved or pending exceptions whose expiry has come', () => {
    const fold = (events: ExceptionEvent[]) => events.reduce(exceptionDecider.evolve, exceptionDecider.initialState());
    const other = requested({ exceptionId: 'EXC-002', expiresAt: '2026-12-20T00:00:00.000Z' });
    const states = [fold([requested(), approved]), fold([other]), fold([requested({ exceptionId: 'EXC-003' })])];
    expect(dueForExpiry(states, new Date('2026-12-11T09:59:59.999Z'))).toEqual([]);
    expect(dueForExpiry(states, new Date(IN_10_DAYS))).toEqual(['EXC-001', 'EXC-003']);
    expect(dueForExpiry([fold([requested(), approved, expired])], new Date('2027-01-01T00:00:00Z'))).toEqual([]);
  });
});

describe('exception limits', () => {
  it('reads EDICT_EXCEPTION_MAX_DAYS over the defaults and refuses typos', () => {
    expect(parseExceptionMaxDays(undefined)).toEqual(DEFAULT_EXCEPTION_MAX_DAYS);
    expect(parseExceptionMaxDays('org=7, project=60')).toEqual({ org: 7, team: 90, project: 60 });
    expect(() => parseExceptionMaxDays('orgs=7')).toThrow(/EDICT_EXCEPTION_MAX_DAYS/);
  });
});
