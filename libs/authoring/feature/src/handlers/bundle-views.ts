import { bundleLineDecider, missingApprovalRoles, type BundleLineState, type VersionState } from '@edict/authoring-domain';
import type { BundleEvent } from '@edict/contracts';
import { foldEvents } from '@edict/core';
import type { StoredEvent } from '@edict/event-store';

const versionSummary = (state: Extract<BundleLineState, { kind: 'active' }>, v: VersionState): Record<string, unknown> => ({
  policyId: state.policyId,
  version: v.version,
  status: v.status,
  digest: v.digest,
  author: v.author,
  approvals: v.approvals,
  missingApprovals: v.status === 'submitted' ? missingApprovalRoles(state.tier, v.approvals) : [],
});

/** The API's view of a policy's versions. */
export function bundleLineView(state: BundleLineState): Record<string, unknown> {
  if (state.kind === 'empty') return { versions: [] };
  return {
    policyId: state.policyId,
    tier: state.tier,
    latestVersion: state.latest,
    versions: Object.values(state.versions).map((v) => versionSummary(state, v)),
  };
}

/** One version with its current document, or undefined when the stream has no such version. */
export function versionView(events: readonly StoredEvent[], version: string): Record<string, unknown> | undefined {
  const typed = events.map((e) => ({ type: e.type, data: e.data }) as BundleEvent);
  const state = foldEvents(bundleLineDecider, typed);
  const v = state.kind === 'active' ? state.versions[version] : undefined;
  if (!v || state.kind !== 'active') return undefined;
  let document: unknown;
  for (const e of typed) {
    if ((e.type === 'BundleDrafted' || e.type === 'BundleDraftRevised') && e.data.version === version) document = e.data.document;
  }
  return { ...versionSummary(state, v), document };
}
