import type { BundleEvent, Tier } from '@edict/contracts';
import { ConflictError, ForbiddenError, ValidationError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import {
  actor, approved, approveInEmergency, confirmEmergency, drafted, emergencyApproved, emergencyConfirmed, granted, people, submitted,
} from './__fixtures__/bundle.fixtures';
import { bundleLineDecider } from './bundle.decider';

const spec = deciderSpec(bundleLineDecider);
const REASON = 'CVE-2026-1234: block the compromised registry now';
const awaiting = (tier: Tier = 'org'): BundleEvent[] => [drafted('1.0.0', 'tom', tier), submitted('1.0.0', 'tom', tier)];
const approvedInEmergency = (tier: Tier = 'org'): BundleEvent[] => [...awaiting(tier), ...emergencyApproved('1.0.0', 'bob', REASON, [], tier)];

describe('ApproveBundle on the emergency path (runbook "Emergency Policy Changes")', () => {
  it.each(['org', 'team', 'project'] as const)('lets one security approver approve a %s version alone, marked emergency', (tier) => {
    const state = spec.given(awaiting(tier)).when(approveInEmergency('1.0.0', people.bob, REASON)).then(emergencyApproved('1.0.0', 'bob', REASON, [], tier));
    expect(state).toMatchObject({ versions: { '1.0.0': { status: 'approved', emergency: { approver: 'bob', reason: REASON } } } });
  });

  it('completes an approval already half granted, keeping the earlier approver', () => {
    const before = [{ subject: 'carol', role: 'platform' as const }];
    spec.given([...awaiting(), granted('1.0.0', 'carol', 'platform')]).when(approveInEmergency('1.0.0', people.bob, REASON)).then(emergencyApproved('1.0.0', 'bob', REASON, before));
  });

  it('refuses an approver without the security role', () => {
    const error = spec.given(awaiting()).when(approveInEmergency('1.0.0', people.carol, REASON)).thenThrows('BUNDLE.EMERGENCY_ROLE_REQUIRED', ForbiddenError);
    expect(error.details).toEqual({ required: ['security'] });
  });

  it.each(['', '   '])('refuses an empty reason (%j)', (reason) => {
    spec.given(awaiting()).when(approveInEmergency('1.0.0', people.bob, reason)).thenThrows('BUNDLE.EMERGENCY_REASON_REQUIRED', ValidationError);
  });

  it('still needs validation to have passed and never lets the author approve', () => {
    spec.given(awaiting()).when(approveInEmergency('1.0.0', people.bob, REASON, 'failed')).thenThrows('BUNDLE.VALIDATION_FAILED', ConflictError);
    const byAuthor = [drafted('1.0.0', 'bob'), submitted('1.0.0', 'bob')];
    spec.given(byAuthor).when(approveInEmergency('1.0.0', people.bob, REASON)).thenThrows('BUNDLE.SELF_APPROVAL', ForbiddenError);
  });
});

describe('ConfirmEmergencyApproval: the follow-up review', () => {
  it('is open after an emergency approval and closed by a second approver with a role the tier requires', () => {
    const open = spec.given(approvedInEmergency()).when(confirmEmergency('1.0.0', people.carol, 'reviewed after the fact')).then([emergencyConfirmed('1.0.0', 'carol', 'platform', 'org', 'reviewed after the fact')]);
    expect(open).toMatchObject({ versions: { '1.0.0': { emergency: { approver: 'bob', confirmation: { by: 'carol', role: 'platform' } } } } });
  });

  it('refuses the emergency approver', () => {
    spec.given(approvedInEmergency()).when(confirmEmergency('1.0.0', people.bob)).thenThrows('BUNDLE.EMERGENCY_SAME_APPROVER', ForbiddenError);
  });

  it('refuses an author of record', () => {
    spec.given(approvedInEmergency()).when(confirmEmergency('1.0.0', actor('tom', 'author', 'platform'))).thenThrows('BUNDLE.SELF_APPROVAL', ForbiddenError);
  });

  it('refuses a role the tier does not require (a team policy needs a team lead)', () => {
    const error = spec.given(approvedInEmergency('team')).when(confirmEmergency('1.0.0', people.carol)).thenThrows('BUNDLE.APPROVER_ROLE_REQUIRED', ForbiddenError);
    expect(error.details).toEqual({ required: ['team-lead'] });
    spec.given(approvedInEmergency('team')).when(confirmEmergency('1.0.0', people.dan)).then([emergencyConfirmed('1.0.0', 'dan', 'team-lead', 'team')]);
  });

  it('refuses a version approved the ordinary way', () => {
    const ordinary = [...awaiting('team'), granted('1.0.0', 'dan', 'team-lead', 'team'), approved('1.0.0', [{ subject: 'dan', role: 'team-lead' }], 'team')];
    spec.given(ordinary).when(confirmEmergency('1.0.0', people.carol)).thenThrows('BUNDLE.NOT_EMERGENCY', ConflictError);
  });

  it('adds nothing when the confirmer confirms again; refuses a third person', () => {
    const confirmed = [...approvedInEmergency(), emergencyConfirmed('1.0.0', 'carol', 'platform')];
    spec.given(confirmed).when(confirmEmergency('1.0.0', people.carol)).then([]);
    spec.given(confirmed).when(confirmEmergency('1.0.0', actor('sam', 'security'))).thenThrows('BUNDLE.EMERGENCY_ALREADY_CONFIRMED', ConflictError);
  });
});
