import type { BundleEvent } from '@edict/contracts';
import { assertNever } from '@edict/core';
import type { BundleLineState, VersionState } from './bundle.state';

const withVersion = (state: BundleLineState, version: string, update: (v: VersionState) => VersionState): BundleLineState => {
  if (state.kind === 'empty') return state;
  const current = state.versions[version];
  return current ? { ...state, versions: { ...state.versions, [version]: update(current) } } : state;
};

/** Folds one event of a `bundle-<policyId>` stream into the line's state. */
export function evolveBundleLine(state: BundleLineState, event: BundleEvent): BundleLineState {
  switch (event.type) {
    case 'BundleDrafted': {
      const { policyId, tier, version, digest, author } = event.data;
      const versions = state.kind === 'active' ? state.versions : {};
      return {
        kind: 'active',
        policyId,
        tier,
        latest: version,
        versions: { ...versions, [version]: { version, status: 'draft', digest, author, authors: [author], approvals: [] } },
      };
    }
    case 'BundleDraftRevised':
      return withVersion(state, event.data.version, (v) => ({
        ...v,
        digest: event.data.digest,
        authors: v.authors.includes(event.data.author) ? v.authors : [...v.authors, event.data.author],
      }));
    case 'BundleSubmitted':
      return withVersion(state, event.data.version, (v) => ({ ...v, status: 'submitted' }));
    case 'BundleApprovalGranted':
      return withVersion(state, event.data.version, (v) => ({
        ...v,
        approvals: [...v.approvals, { subject: event.data.approver, role: event.data.role }],
      }));
    case 'BundleApproved': {
      const { emergency, reason, approvers, approvedAt } = event.data;
      const approver = approvers[approvers.length - 1]?.subject ?? '';
      return withVersion(state, event.data.version, (v) => ({
        ...v,
        status: 'approved',
        ...(emergency ? { emergency: { approver, reason: reason ?? '', approvedAt } } : {}),
      }));
    }
    case 'EmergencyApprovalConfirmed': {
      const { confirmedBy, role, confirmedAt, comment } = event.data;
      return withVersion(state, event.data.version, (v) => (v.emergency ? {
        ...v,
        emergency: { ...v.emergency, confirmation: { by: confirmedBy, role, at: confirmedAt, ...(comment ? { comment } : {}) } },
      } : v));
    }
    case 'BundleArchived':
      return withVersion(state, event.data.version, (v) => ({ ...v, status: 'archived' }));
    default:
      return assertNever(event, 'bundle event');
  }
}
