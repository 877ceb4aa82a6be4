import type { BundleEvent } from '@edict/contracts';
import { ConflictError, ForbiddenError } from '@edict/core';
import { approverRole, requiredApprovalRoles } from './approval-policy';
import type { ConfirmEmergencyApproval } from './bundle.commands';
import type { BundleLineState } from './bundle.state';
import { isAuthorOf, versionOf } from './version-of';

/**
 * Closes the follow-up review of an emergency approval. The confirmer is a second person: not
 * an author of record, not the emergency approver, and holding one of the roles the tier's
 * approval requires. Confirming twice by the same person is a no-op.
 */
export function decideConfirmEmergency(command: ConfirmEmergencyApproval, state: BundleLineState): BundleEvent[] {
  const { version, by, comment, at } = command.data;
  const v = versionOf(state, version);
  if (!v.emergency) throw new ConflictError('BUNDLE.NOT_EMERGENCY', `version ${version} was not approved on the emergency path`);
  const done = v.emergency.confirmation;
  if (done) {
    if (done.by === by.subject) return [];
    throw new ConflictError('BUNDLE.EMERGENCY_ALREADY_CONFIRMED', `the emergency approval of ${version} was confirmed by ${done.by}`);
  }
  if (isAuthorOf(v, by.subject)) throw new ForbiddenError('BUNDLE.SELF_APPROVAL', 'an author of the version cannot confirm its emergency approval', { authors: v.authors });
  if (v.emergency.approver === by.subject) throw new ForbiddenError('BUNDLE.EMERGENCY_SAME_APPROVER', 'the emergency approver cannot confirm their own approval');
  const required = requiredApprovalRoles[v.tier];
  const role = approverRole(by, v.policyId, required, 'a confirmation');
  return [{
    type: 'EmergencyApprovalConfirmed',
    data: { policyId: v.policyId, version, digest: v.digest, confirmedBy: by.subject, role, confirmedAt: at, ...(comment ? { comment } : {}) },
  }];
}
