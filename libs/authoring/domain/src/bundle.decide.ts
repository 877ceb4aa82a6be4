import type { BundleEvent } from '@edict/contracts';
import { assertNever, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@edict/core';
import { missingApprovalRoles } from './approval-policy';
import type { ApproveBundle, BundleCommand, DraftBundle } from './bundle.commands';
import type { BundleLineState, VersionState } from './bundle.state';
import { allowedNextVersions, isPlainSemver } from './version-sequence';

const isAdmin = (roles: readonly string[]): boolean => roles.includes('admin');

function versionOf(state: BundleLineState, version: string): VersionState & { policyId: string } {
  const found = state.kind === 'active' ? state.versions[version] : undefined;
  if (!found || state.kind !== 'active') throw new NotFoundError('BUNDLE.VERSION_NOT_FOUND', `version ${version} does not exist`);
  return { ...found, policyId: state.policyId };
}

function decideDraft(command: DraftBundle, state: BundleLineState): BundleEvent[] {
  const { policyId, tier, version, document, digest, by, at } = command.data;
  if (!isPlainSemver(version)) throw new ValidationError('BUNDLE.VERSION_INVALID', `'${version}' is not a plain semver version (x.y.z)`);
  if (tier === 'org' && !by.roles.includes('security') && !isAdmin(by.roles)) {
    throw new ForbiddenError('BUNDLE.TIER_ROLE_REQUIRED', 'only the security team drafts org baseline policies', { required: ['security'] });
  }
  const latest = state.kind === 'active' ? state.latest : undefined;
  const allowed = allowedNextVersions(latest);
  if (allowed !== 'any' && !allowed.includes(version)) {
    const reused = state.kind === 'active' && state.versions[version] !== undefined;
    throw new ConflictError(
      reused ? 'BUNDLE.VERSION_REUSED' : 'BUNDLE.VERSION_NOT_NEXT',
      reused ? `version ${version} of ${policyId} already exists` : `after ${latest} the next version is one of ${allowed.join(', ')}`,
      { latest, allowed },
    );
  }
  return [{ type: 'BundleDrafted', data: { policyId, tier, version, digest, document, author: by.subject, draftedAt: at } }];
}

function decideApprove(command: ApproveBundle, state: BundleLineState): BundleEvent[] {
  const { version, by, comment, validation, at } = command.data;
  const v = versionOf(state, version);
  if (v.approvals.some((a) => a.subject === by.subject)) {
    if (v.status === 'approved') return [];
    throw new ConflictError('BUNDLE.ALREADY_APPROVED_BY', `${by.subject} has already approved ${version}`);
  }
  if (v.status !== 'submitted') throw new ConflictError('BUNDLE.NOT_AWAITING_APPROVAL', `version ${version} is ${v.status}, not submitted`);
  if (validation !== 'validated') {
    throw new ConflictError(validation === 'failed' ? 'BUNDLE.VALIDATION_FAILED' : 'BUNDLE.NOT_VALIDATED', `version ${version} has ${validation === 'failed' ? 'failed validation' : 'not been validated yet'}`, {}, validation === 'pending');
  }
  if (v.author === by.subject) throw new ForbiddenError('BUNDLE.SELF_APPROVAL', 'the author cannot approve their own version');
  const tier = state.kind === 'active' ? state.tier : 'org';
  const missing = missingApprovalRoles(tier, v.approvals);
  const role = missing.find((r) => by.roles.includes(r));
  if (!role) throw new ForbiddenError('BUNDLE.APPROVER_ROLE_REQUIRED', `an approval from one of: ${missing.join(', ')} is needed`, { required: missing });
  const content = { policyId: v.policyId, version, digest: v.digest };
  const granted: BundleEvent = { type: 'BundleApprovalGranted', data: { ...content, approver: by.subject, role, grantedAt: at, ...(comment ? { comment } : {}) } };
  if (missing.length > 1) return [granted];
  const approvers = [...v.approvals, { subject: by.subject, role }];
  return [granted, { type: 'BundleApproved', data: { ...content, approvers, approvedAt: at } }];
}

/** Decides a command against a policy's line of bundle versions. Pure. */
export function decideBundleLine(command: BundleCommand, state: BundleLineState): BundleEvent[] {
  switch (command.type) {
    case 'DraftBundle':
      return decideDraft(command, state);
    case 'ReviseDraft': {
      const { version, document, digest, by, at } = command.data;
      const v = versionOf(state, version);
      if (v.author !== by.subject && !isAdmin(by.roles)) throw new ForbiddenError('BUNDLE.NOT_AUTHOR', 'only the author revises a draft');
      if (v.status !== 'draft') throw new ConflictError('BUNDLE.NOT_EDITABLE', `version ${version} is ${v.status}; from submission on a version is immutable`);
      if (v.digest === digest) return [];
      return [{ type: 'BundleDraftRevised', data: { policyId: v.policyId, version, digest, document, author: by.subject, revisedAt: at } }];
    }
    case 'SubmitBundle': {
      const { version, by, at } = command.data;
      const v = versionOf(state, version);
      if (v.author !== by.subject && !isAdmin(by.roles)) throw new ForbiddenError('BUNDLE.NOT_AUTHOR', 'only the author submits a draft');
      if (v.status === 'archived') throw new ConflictError('BUNDLE.ARCHIVED', `version ${version} is archived`);
      if (v.status !== 'draft') return [];
      return [{ type: 'BundleSubmitted', data: { policyId: v.policyId, version, digest: v.digest, submittedBy: by.subject, submittedAt: at } }];
    }
    case 'ApproveBundle':
      return decideApprove(command, state);
    case 'ArchiveBundle': {
      const v = versionOf(state, command.data.version);
      if (v.status === 'archived') return [];
      const { version, reason, at } = command.data;
      return [{ type: 'BundleArchived', data: { policyId: v.policyId, version, digest: v.digest, reason, archivedAt: at } }];
    }
    default:
      return assertNever(command, 'bundle command');
  }
}
