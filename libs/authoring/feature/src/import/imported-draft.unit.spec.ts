import { canonicalDigest } from '@edict/core';
import { EXPORT_FORMAT, type ExportEnvelope } from '@edict/signing-domain';
import { importedDraftOf } from './imported-draft';

const document = { apiVersion: 'edict.io/v1', kind: 'PolicyBundle', metadata: { policyId: 'org/baseline', version: '1.4.0', notes: 'n' }, spec: {} };
const envelope: ExportEnvelope = {
  format: EXPORT_FORMAT,
  environment: 'staging',
  policyId: 'org/baseline',
  version: '1.4.0',
  digest: canonicalDigest(document),
  document,
  signature: { kid: 'k1', alg: 'ES256', signature: 'h..s', signedAt: '2026-01-01T00:00:00.000Z' },
  approvals: [{ subject: 'bob', role: 'security', grantedAt: '2026-01-01T00:00:00.000Z' }],
  exportedAt: '2026-01-02T00:00:00.000Z',
  expiresAt: '2026-01-03T00:00:00.000Z',
  envelopeSignature: 'h..s',
};
const provenance = { environment: 'staging', version: '1.4.0', digest: envelope.digest, approvals: envelope.approvals, exportedAt: envelope.exportedAt };

describe('importedDraftOf', () => {
  it('drafts the document as exported, with its digest, when no other version is asked for', () => {
    expect(importedDraftOf(envelope)).toEqual({ policyId: 'org/baseline', version: '1.4.0', document, digest: envelope.digest, importedFrom: provenance });
  });

  it('rewrites metadata.version for --as-version: a new digest, the original in the provenance', () => {
    const draft = importedDraftOf(envelope, '1.1.0');
    expect(draft.document).toEqual({ ...document, metadata: { ...document.metadata, version: '1.1.0' } });
    expect(draft.digest).toBe(canonicalDigest(draft.document));
    expect(draft.digest).not.toBe(envelope.digest);
    expect(draft).toMatchObject({ version: '1.1.0', importedFrom: provenance });
    expect(envelope.document['metadata']).toEqual(document.metadata);
  });
});
