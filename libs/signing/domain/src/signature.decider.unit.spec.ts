import type { BundleSigned } from '@edict/contracts';
import { ConflictError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { signatureDecider, type SignBundle } from './signature.decider';

const spec = deciderSpec(signatureDecider);
const AT = '2025-03-01T10:00:00.000Z';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER = `sha256:${'b'.repeat(64)}`;
const content = { policyId: 'org/baseline', version: '1.0.0', kid: 'k-2025-03', alg: 'EdDSA' as const };

const sign = (digest = DIGEST, extra: Partial<SignBundle['data']> = {}): SignBundle => ({
  type: 'SignBundle',
  data: { ...content, digest, signature: `eyJhbGciOiJFZERTQSJ9..sig-over-${digest.slice(7, 15)}`, at: AT, ...extra },
});
const signed = (digest = DIGEST, extra: Partial<BundleSigned['data']> = {}): BundleSigned => ({
  type: 'BundleSigned',
  data: { ...content, digest, signature: `eyJhbGciOiJFZERTQSJ9..sig-over-${digest.slice(7, 15)}`, signedAt: AT, ...extra },
});

describe('SignBundle', () => {
  it('signs an approved version once, recording key id, algorithm and detached JWS', () => {
    const state = spec.given([]).when(sign()).then([signed()]);
    expect(state).toEqual({ kind: 'signed', digest: DIGEST, kid: 'k-2025-03' });
  });

  it('adds nothing when the same digest comes again (a redelivered BundleApproved)', () => {
    spec.given([signed()]).when(sign()).then([]);
  });

  it('adds nothing even when a rotated key would sign the redelivery: the first signature stands', () => {
    spec.given([signed()]).when(sign(DIGEST, { kid: 'k-2025-04', signature: 'another..jws' })).then([]);
  });

  it('refuses another digest for a signed version, naming both', () => {
    const error = spec.given([signed()]).when(sign(OTHER)).thenThrows('SIGNATURE.DIGEST_MISMATCH', ConflictError);
    expect(error.details).toEqual({ signed: DIGEST, requested: OTHER });
    expect(error.retriable).toBe(false);
  });
});
