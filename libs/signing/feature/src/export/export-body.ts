import { bundleLineDecider } from '@edict/authoring-domain';
import type { BundleEvent, BundleSigned } from '@edict/contracts';
import { ConflictError, foldEvents, NotFoundError } from '@edict/core';
import { EXPORT_FORMAT, type ExportedApproval, type ExportEnvelopeBody } from '@edict/signing-domain';

export interface ExportSource {
  readonly policyId: string;
  readonly version: string;
  /** the `bundle-<policyId>` stream, as authoring wrote it */
  readonly bundleEvents: readonly BundleEvent[];
  /** the version's BundleSigned, if signing signed it */
  readonly signed: BundleSigned['data'] | undefined;
  readonly environment: string;
  readonly now: Date;
  readonly ttlSeconds: number;
}

/**
 * The body of an export envelope, from authoring's stream and signing's own: only a version
 * that is approved and signed over the digest it was approved with leaves the environment
 * (409 `EXPORT.NOT_SIGNED` otherwise). Pure.
 */
export function exportBodyOf(source: ExportSource): ExportEnvelopeBody {
  const { policyId, version, bundleEvents, signed, environment, now, ttlSeconds } = source;
  const state = foldEvents(bundleLineDecider, bundleEvents);
  const v = state.kind === 'active' ? state.versions[version] : undefined;
  if (!v) throw new NotFoundError('EXPORT.VERSION_NOT_FOUND', `${policyId} has no version ${version}`);
  if (v.status !== 'approved' || !signed || signed.digest !== v.digest) {
    throw new ConflictError('EXPORT.NOT_SIGNED', `${policyId}@${version} is ${v.status}${signed ? '' : ' and not signed'}; only approved and signed versions are exported`, { status: v.status, signed: signed !== undefined });
  }
  let document: Readonly<Record<string, unknown>> | undefined;
  const approvals: ExportedApproval[] = [];
  for (const e of bundleEvents) {
    if (e.data.version !== version) continue;
    if (e.type === 'BundleDrafted' || e.type === 'BundleDraftRevised') document = e.data.document;
    if (e.type === 'BundleApprovalGranted') approvals.push({ subject: e.data.approver, role: e.data.role, grantedAt: e.data.grantedAt });
  }
  if (!document) throw new NotFoundError('EXPORT.VERSION_NOT_FOUND', `${policyId}@${version} has no document`);
  return {
    format: EXPORT_FORMAT,
    environment,
    policyId,
    version,
    digest: v.digest,
    document,
    signature: { kid: signed.kid, alg: signed.alg, signature: signed.signature, signedAt: signed.signedAt },
    approvals,
    exportedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
  };
}
