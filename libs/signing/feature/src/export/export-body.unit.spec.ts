import type { BundleEvent, BundleSigned } from '@edict/contracts';
import { ConflictError, NotFoundError } from '@edict/core';
import { exportBodyOf, type ExportSource } from './export-body';

const P = 'org/baseline';
const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;
const doc = (rev: string) => ({ metadata: { policyId: P, version: '1.0.0' }, rev });
const content = (digest = D2) => ({ policyId: P, version: '1.0.0', digest });
const drafted: BundleEvent = { type: 'BundleDrafted', data: { ...content(D1), tier: 'org', document: doc('first'), author: 'alice', draftedAt: '2026-01-01T00:00:00.000Z' } };
const revised: BundleEvent = { type: 'BundleDraftRevised', data: { ...content(), document: doc('second'), author: 'alice', revisedAt: '2026-01-01T00:01:00.000Z' } };
const submitted: BundleEvent = { type: 'BundleSubmitted', data: { ...content(), submittedBy: 'alice', submittedAt: '2026-01-01T00:02:00.000Z' } };
const granted = (approver: string, role: string): BundleEvent => ({ type: 'BundleApprovalGranted', data: { ...content(), approver, role, grantedAt: '2026-01-01T00:03:00.000Z' } });
const approved: BundleEvent = { type: 'BundleApproved', data: { ...content(), approvers: [{ subject: 'bob', role: 'security' }, { subject: 'carol', role: 'platform' }], approvedAt: '2026-01-01T00:03:00.000Z' } };
const signed: BundleSigned['data'] = { ...content(), kid: 'k1', alg: 'ES256', signature: 'h..s', signedAt: '2026-01-01T00:04:00.000Z' };
const approvedLine = [drafted, revised, submitted, granted('bob', 'security'), granted('carol', 'platform'), approved];

const source = (overrides: Partial<ExportSource> = {}): ExportSource => ({
  policyId: P,
  version: '1.0.0',
  bundleEvents: approvedLine,
  signed,
  environment: 'staging',
  now: new Date('2026-02-01T12:00:00.000Z'),
  ttlSeconds: 3600,
  ...overrides,
});

describe('exportBodyOf', () => {
  it('carries the current document, its digest, the bundle signature, every approval and the window', () => {
    expect(exportBodyOf(source())).toEqual({
      format: 'edict.bundle-export/v1',
      environment: 'staging',
      policyId: P,
      version: '1.0.0',
      digest: D2,
      document: doc('second'),
      signature: { kid: 'k1', alg: 'ES256', signature: 'h..s', signedAt: '2026-01-01T00:04:00.000Z' },
      approvals: [
        { subject: 'bob', role: 'security', grantedAt: '2026-01-01T00:03:00.000Z' },
        { subject: 'carol', role: 'platform', grantedAt: '2026-01-01T00:03:00.000Z' },
      ],
      exportedAt: '2026-02-01T12:00:00.000Z',
      expiresAt: '2026-02-01T13:00:00.000Z',
    });
  });

  it('refuses a version that is approved but not signed yet', () => {
    expect(() => exportBodyOf(source({ signed: undefined }))).toThrow(expect.objectContaining({ code: 'EXPORT.NOT_SIGNED' }) as Error);
  });

  it('refuses a version that is only submitted', () => {
    const submittedOnly = () => exportBodyOf(source({ bundleEvents: [drafted, revised, submitted] }));
    expect(submittedOnly).toThrow(ConflictError);
    expect(submittedOnly).toThrow(expect.objectContaining({ code: 'EXPORT.NOT_SIGNED', details: { status: 'submitted', signed: true } }) as Error);
  });

  it('refuses a signature over another digest than the approved one', () => {
    expect(() => exportBodyOf(source({ signed: { ...signed, digest: D1 } }))).toThrow(ConflictError);
  });

  it('answers 404 for a version that does not exist', () => {
    expect(() => exportBodyOf(source({ version: '9.9.9' }))).toThrow(NotFoundError);
  });
});
