import type { BundleEvent, Tier } from '@edict/contracts';
import { ConflictError, ForbiddenError, NotFoundError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { approve, approved, archive, archived, drafted, granted, people, revise, submit, submitted } from './__fixtures__/bundle.fixtures';
import { bundleLineDecider } from './bundle.decider';

const spec = deciderSpec(bundleLineDecider);
/** 1.0.0 of a tier's policy, drafted by tom (alice for org) and submitted. */
const awaiting = (tier: Tier = 'org'): BundleEvent[] => {
  const author = tier === 'org' ? 'alice' : 'tom';
  return [drafted('1.0.0', author, tier), submitted('1.0.0', author, tier)];
};
const bobGranted = granted('1.0.0', 'bob', 'security');

describe('ApproveBundle: what must hold first', () => {
  it('refuses before validation has judged the digest (retriable: the verdict may still come)', () => {
    const error = spec.given(awaiting()).when(approve('1.0.0', people.bob, 'pending')).thenThrows('BUNDLE.NOT_VALIDATED', ConflictError);
    expect(error.retriable).toBe(true);
  });

  it('refuses a version that failed validation (not retriable)', () => {
    const error = spec.given(awaiting()).when(approve('1.0.0', people.bob, 'failed')).thenThrows('BUNDLE.VALIDATION_FAILED', ConflictError);
    expect(error.retriable).toBe(false);
  });

  it('refuses a draft that was never submitted', () => {
    spec.given([drafted('1.0.0')]).when(approve('1.0.0', people.bob)).thenThrows('BUNDLE.NOT_AWAITING_APPROVAL', ConflictError);
  });

  it('refuses an archived version', () => {
    spec.given([...awaiting(), archived('1.0.0')]).when(approve('1.0.0', people.bob)).thenThrows('BUNDLE.NOT_AWAITING_APPROVAL', ConflictError);
  });

  it('refuses a version that does not exist', () => {
    spec.given(awaiting()).when(approve('2.0.0', people.bob)).thenThrows('BUNDLE.VERSION_NOT_FOUND', NotFoundError);
  });

  it('never lets the author approve, whatever roles they hold', () => {
    spec.given(awaiting()).when(approve('1.0.0', people.alice)).thenThrows('BUNDLE.SELF_APPROVAL', ForbiddenError);
  });

  it('never lets an admin author approve either', () => {
    const history = [drafted('1.0.0', 'root'), submitted('1.0.0', 'root')];
    spec.given(history).when(approve('1.0.0', { subject: 'root', roles: ['admin', 'security'] })).thenThrows('BUNDLE.SELF_APPROVAL', ForbiddenError);
  });

  it('refuses an approver without one of the roles still missing, naming them', () => {
    const error = spec.given(awaiting()).when(approve('1.0.0', people.rita)).thenThrows('BUNDLE.APPROVER_ROLE_REQUIRED', ForbiddenError);
    expect(error.details).toEqual({ required: ['security', 'platform'] });
  });
});

describe('ApproveBundle: org tier (security + platform, distinct people)', () => {
  it('grants the first role without approving the version', () => {
    const state = spec.given(awaiting()).when(approve('1.0.0', people.bob, 'validated', 'looks tight')).then([granted('1.0.0', 'bob', 'security', 'org', 'looks tight')]);
    expect(state).toMatchObject({ versions: { '1.0.0': { status: 'submitted', approvals: [{ subject: 'bob', role: 'security' }] } } });
  });

  it('approves exactly when the last role is covered', () => {
    const approvers = [{ subject: 'bob', role: 'security' as const }, { subject: 'carol', role: 'platform' as const }];
    const state = spec.given([...awaiting(), bobGranted]).when(approve('1.0.0', people.carol)).then([granted('1.0.0', 'carol', 'platform'), approved('1.0.0', approvers)]);
    expect(state).toMatchObject({ versions: { '1.0.0': { status: 'approved' } } });
  });

  it('works in either order', () => {
    const approvers = [{ subject: 'carol', role: 'platform' as const }, { subject: 'bob', role: 'security' as const }];
    spec.given([...awaiting(), granted('1.0.0', 'carol', 'platform')]).when(approve('1.0.0', people.bob)).then([granted('1.0.0', 'bob', 'security'), approved('1.0.0', approvers)]);
  });

  it('refuses a second approver for a role already covered', () => {
    const error = spec.given([...awaiting(), bobGranted]).when(approve('1.0.0', { subject: 'sam', roles: ['security'] })).thenThrows('BUNDLE.APPROVER_ROLE_REQUIRED', ForbiddenError);
    expect(error.details).toEqual({ required: ['platform'] });
  });

  it('lets one person holding both roles cover only one of them', () => {
    spec.given(awaiting()).when(approve('1.0.0', people.both)).then([granted('1.0.0', 'bea', 'security')]);
    spec.given([...awaiting(), granted('1.0.0', 'bea', 'security')]).when(approve('1.0.0', people.both)).thenThrows('BUNDLE.ALREADY_APPROVED_BY', ConflictError);
  });

  it('adds nothing when an approver of an approved version approves again', () => {
    const done = [...awaiting(), bobGranted, granted('1.0.0', 'carol', 'platform'), approved('1.0.0', [{ subject: 'bob', role: 'security' }, { subject: 'carol', role: 'platform' }])];
    spec.given(done).when(approve('1.0.0', people.carol)).then([]);
    spec.given(done).when(approve('1.0.0', { subject: 'sam', roles: ['platform'] })).thenThrows('BUNDLE.NOT_AWAITING_APPROVAL', ConflictError);
  });
});

describe.each(['team', 'project'] as const)('ApproveBundle: %s tier (a team lead)', (tier) => {
  it('approves with one team lead', () => {
    spec.given(awaiting(tier)).when(approve('1.0.0', people.dan)).then([
      granted('1.0.0', 'dan', 'team-lead', tier),
      approved('1.0.0', [{ subject: 'dan', role: 'team-lead' }], tier),
    ]);
  });

  it('refuses security and platform: the tier needs a team lead', () => {
    const error = spec.given(awaiting(tier)).when(approve('1.0.0', people.both)).thenThrows('BUNDLE.APPROVER_ROLE_REQUIRED', ForbiddenError);
    expect(error.details).toEqual({ required: ['team-lead'] });
  });

  it("refuses a team lead of another team, and one whose token names no team: only alpha's leads approve alpha's policies", () => {
    const other = spec.given(awaiting(tier)).when(approve('1.0.0', people.eve)).thenThrows('BUNDLE.APPROVER_TEAM_REQUIRED', ForbiddenError);
    expect(other.details).toEqual({ required: ['team-lead'], team: 'alpha' });
    spec.given(awaiting(tier)).when(approve('1.0.0', people.lee)).thenThrows('BUNDLE.APPROVER_TEAM_REQUIRED', ForbiddenError);
  });
});

describe('after approval', () => {
  const done = [...awaiting('team'), granted('1.0.0', 'dan', 'team-lead', 'team'), approved('1.0.0', [{ subject: 'dan', role: 'team-lead' }], 'team')];

  it('the version stays immutable; submitting again adds nothing', () => {
    spec.given(done).when(revise('1.0.0', 1, people.tom)).thenThrows('BUNDLE.NOT_EDITABLE', ConflictError);
    spec.given(done).when(submit('1.0.0', people.tom)).then([]);
  });
});

describe('ArchiveBundle', () => {
  it.each([
    ['a draft', [drafted('1.0.0')]],
    ['a submitted version', awaiting()],
    ['an approved version', [...awaiting(), bobGranted, granted('1.0.0', 'carol', 'platform'), approved('1.0.0', [])]],
  ])('archives %s', (_what, history) => {
    const state = spec.given(history).when(archive('1.0.0', 'rolled_back')).then([archived('1.0.0', 'rolled_back')]);
    expect(state).toMatchObject({ versions: { '1.0.0': { status: 'archived' } } });
  });

  it('is idempotent', () => {
    spec.given([drafted('1.0.0'), archived('1.0.0')]).when(archive('1.0.0', 'withdrawn')).then([]);
  });

  it('refuses a version that does not exist', () => {
    spec.given([drafted('1.0.0')]).when(archive('1.0.1')).thenThrows('BUNDLE.VERSION_NOT_FOUND', NotFoundError);
  });
});
