import type { BundleEvent } from '@edict/contracts';
import { ConflictError, ForbiddenError, ValidationError } from '@edict/core';
import { approverRole, missingApprovalRoles } from './approval-policy';
import type { ApproveBundle } from './bundle.commands';
import type { BundleLineState } from './bundle.state';
import { isAuthorOf, versionOf } from './version-of';

/**
 * One approval of a submitted, validated version: distinct approvers, never an author of record,
 * each covering a role the tier still needs. On the emergency path (runbook "Emergency Policy
 * Changes") one security approver with a reason completes the approval alone; the version is
 * marked emergency and its follow-up review stays open until someone else confirms it.
 */
export function decideApprove(command: ApproveBundle, state: BundleLineState): BundleEvent[] {
  const { version, by, comment, validation, emergency, at } = command.data;
  const v = versionOf(state, version);
  if (v.approvals.some((a) => a.subject === by.subject)) {
    if (v.status === 'approved') return [];
    throw new ConflictError('BUNDLE.ALREADY_APPROVED_BY', `${by.subject} has already approved ${version}`);
  }
  if (v.status !== 'submitted') throw new ConflictError('BUNDLE.NOT_AWAITING_APPROVAL', `version ${version} is ${v.status}, not submitted`);
  if (validation !== 'validated') {
    throw new ConflictError(validation === 'failed' ? 'BUNDLE.VALIDATION_FAILED' : 'BUNDLE.NOT_VALIDATED', `version ${version} has ${validation === 'failed' ? 'failed validation' : 'not been validated yet'}`, {}, validation === 'pending');
  }
  if (isAuthorOf(v, by.subject)) throw new ForbiddenError('BUNDLE.SELF_APPROVAL', 'an author of the version (anyone who drafted or revised it) cannot approve it', { authors: v.authors });
  const content = { policyId: v.policyId, version, digest: v.digest };
  if (emergency) {
    const reason = emergency.reason.trim();
    if (reason === '') throw new ValidationError('BUNDLE.EMERGENCY_REASON_REQUIRED', 'an emergency approval needs a reason');
    if (!by.roles.includes('security')) throw new ForbiddenError('BUNDLE.EMERGENCY_ROLE_REQUIRED', 'only the security team approves on the emergency path', { required: ['security'] });
    const marked = { emergency: true as const, reason };
    const granted: BundleEvent = { type: 'BundleApprovalGranted', data: { ...content, approver: by.subject, role: 'security', ...marked, grantedAt: at, ...(comment ? { comment } : {}) } };
    const approvers = [...v.approvals, { subject: by.subject, role: 'security' }];
    return [granted, { type: 'BundleApproved', data: { ...content, approvers, ...marked, approvedAt: at } }];
  }
  const missing = missingApprovalRoles(v.tier, v.approvals);
  const role = approverRole(by, v.policyId, missing);
  const granted: BundleEvent = { type: 'BundleApprovalGranted', data: { ...content, approver: by.subject, role, grantedAt: at, ...(comment ? { comment } : {}) } };
  if (missing.length > 1) return [granted];
  const approvers = [...v.approvals, { subject: by.subject, role }];
  return [granted, { type: 'BundleApproved', data: { ...content, approvers, approvedAt: at } }];
}
