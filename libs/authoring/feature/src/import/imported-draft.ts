import type { ImportProvenance } from '@edict/contracts';
import { canonicalDigest } from '@edict/core';
import type { ExportEnvelope } from '@edict/signing-domain';

export interface ImportedDraft {
  readonly policyId: string;
  readonly version: string;
  readonly document: Readonly<Record<string, unknown>>;
  readonly digest: string;
  readonly importedFrom: ImportProvenance;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a verified envelope drafts here: its document as exported, or with `metadata.version`
 * rewritten to `asVersion` (so its digest changes; the provenance keeps the original). Pure.
 */
export function importedDraftOf(envelope: ExportEnvelope, asVersion?: string): ImportedDraft {
  const { policyId, environment, version, digest, approvals, exportedAt } = envelope;
  const importedFrom: ImportProvenance = { environment, version, digest, approvals, exportedAt };
  if (asVersion === undefined || asVersion === version) return { policyId, version, document: envelope.document, digest, importedFrom };
  const metadata = isRecord(envelope.document['metadata']) ? envelope.document['metadata'] : {};
  const document = { ...envelope.document, metadata: { ...metadata, version: asVersion } };
  return { policyId, version: asVersion, document, digest: canonicalDigest(document), importedFrom };
}
