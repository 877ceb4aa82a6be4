import { bundleLineDecider, missingApprovalRoles, type BundleLineState, type VersionState } from '@edict/authoring-domain';
import type { BundleEvent } from '@edict/contracts';
import { foldEvents } from '@edict/core';
import type { StoredEvent } from '@edict/event-store';
import type { BundleLineDto, EmergencyDto, VersionSummaryDto, VersionViewDto } from '../http/bundle-version.response';

export type ActiveLine = Extract<BundleLineState, { kind: 'active' }>;

/** A stream's stored events as bundle events, folded into the line's state. */
export const foldLine = (events: readonly StoredEvent[]): BundleLineState =>
  foldEvents(bundleLineDecider, events.map((e) => ({ type: e.type, data: e.data }) as BundleEvent));

/** The emergency mark of a version and its follow-up review, as every view shows it. */
export const emergencyView = (v: VersionState): EmergencyDto | undefined => {
  if (!v.emergency) return undefined;
  const { approver, reason, approvedAt, confirmation } = v.emergency;
  return {
    approver,
    reason,
    approvedAt,
    review: confirmation ? 'confirmed' : 'open',
    ...(confirmation ? { confirmedBy: confirmation.by, confirmedRole: confirmation.role, confirmedAt: confirmation.at } : {}),
  };
};

export const versionSummary = (state: ActiveLine, v: VersionState): VersionSummaryDto => {
  const emergency = emergencyView(v);
  return {
    policyId: state.policyId,
    version: v.version,
    status: v.status,
    digest: v.digest,
    author: v.author,
    authors: v.authors,
    approvals: v.approvals,
    missingApprovals: v.status === 'submitted' ? missingApprovalRoles(state.tier, v.approvals) : [],
    ...(emergency ? { emergency } : {}),
  };
};

/** The API's view of a policy's versions. */
export function bundleLineView(state: ActiveLine): BundleLineDto {
  return {
    policyId: state.policyId,
    tier: state.tier,
    latestVersion: state.latest,
    versions: Object.values(state.versions).map((v) => versionSummary(state, v)),
  };
}

/** The document a version holds now: that of its last draft or revision. */
export function documentOf(events: readonly StoredEvent[], version: string): unknown {
  let document: unknown;
  for (const e of events) {
    const data = e.data as { version?: string; document?: unknown };
    if ((e.type === 'BundleDrafted' || e.type === 'BundleDraftRevised') && data.version === version) document = data.document;
  }
  return document;
}

/** One version with its current document, or undefined when the stream has no such version. */
export function versionView(events: readonly StoredEvent[], version: string): VersionViewDto | undefined {
  const state = foldLine(events);
  const v = state.kind === 'active' ? state.versions[version] : undefined;
  if (!v || state.kind !== 'active') return undefined;
  return { ...versionSummary(state, v), document: documentOf(events, version) };
}
