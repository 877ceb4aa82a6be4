import type { BundleEvent } from '@edict/contracts';
import { assertNever, ConflictError, ForbiddenError, ValidationError } from '@edict/core';
import type { BundleCommand, DraftBundle } from './bundle.commands';
import type { BundleLineState } from './bundle.state';
import { decideApprove } from './decide-approval';
import { decideConfirmEmergency } from './decide-emergency-confirmation';
import { allowedNextVersions, isPlainSemver } from './version-sequence';
import { isAdmin, isAuthorOf, versionOf } from './version-of';

function decideDraft(command: DraftBundle, state: BundleLineState): BundleEvent[] {
  const { policyId, tier, version, document, digest, source, by, at } = command.data;
  if (!isPlainSemver(version)) throw new ValidationError('BUNDLE.VERSION_INVALID', `'${version}' is not a plain semver version (x.y.z)`);
  if (tier === 'org' && !by.roles.includes('security') && !isAdmin(by.roles)) {
    throw new ForbiddenError('BUNDLE.TIER_ROLE_REQUIRED', 'only the security team drafts org baseline policies', { required: ['security'] });
  }
  const { retirement } = command.data;
  const versionMajor = Number(version.split('.')[0]);
  if (retirement && versionMajor <= (retirement.lastMajor ?? -1)) {
    throw new ConflictError('BUNDLE.POLICY_RETIRED', `${policyId} was retired at ${retirement.retiredAt} (${retirement.reason}); its id is reused only by a new major version above ${retirement.lastMajor ?? 0}.x`, {
      lastMajor: retirement.lastMajor,
    });
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
  return [{ type: 'BundleDrafted', data: { policyId, tier, version, digest, document, author: by.subject, draftedAt: at, ...(source === undefined ? {} : { source }) } }];
}

/** Decides a command against a policy's line of bundle versions. Pure. */
export function decideBundleLine(command: BundleCommand, state: BundleLineState): BundleEvent[] {
  switch (command.type) {
    case 'DraftBundle':
      return decideDraft(command, state);
    case 'ReviseDraft': {
      const { version, document, digest, source, by, at } = command.data;
      const v = versionOf(state, version);
      if (!isAuthorOf(v, by.subject) && !isAdmin(by.roles)) throw new ForbiddenError('BUNDLE.NOT_AUTHOR', 'only an author revises a draft');
      if (v.status !== 'draft') throw new ConflictError('BUNDLE.NOT_EDITABLE', `version ${version} is ${v.status}; from submission on a version is immutable`);
      if (v.digest === digest) return [];
      return [{ type: 'BundleDraftRevised', data: { policyId: v.policyId, version, digest, document, author: by.subject, revisedAt: at, ...(source === undefined ? {} : { source }) } }];
    }
    case 'SubmitBundle': {
      const { version, by, at } = command.data;
      const v = versionOf(state, version);
      if (!isAuthorOf(v, by.subject) && !isAdmin(by.roles)) throw new ForbiddenError('BUNDLE.NOT_AUTHOR', 'only an author submits a draft');
      if (v.status === 'archived') throw new ConflictError('BUNDLE.ARCHIVED', `version ${version} is archived`);
      if (v.status !== 'draft') return [];
      return [{ type: 'BundleSubmitted', data: { policyId: v.policyId, version, digest: v.digest, submittedBy: by.subject, submittedAt: at } }];
    }
    case 'ApproveBundle':
      return decideApprove(command, state);
    case 'ConfirmEmergencyApproval':
      return decideConfirmEmergency(command, state);
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
