import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { bundleSigningPayload, servingManifestPayload, type ServedBundle, type ServingManifest, type ServingState } from '@edict/contracts';
import { canonicalDigest, signDetached, systemClock } from '@edict/core';
import { DecisionPoint } from '@edict/pdp';

export const BENCH_POLICY = 'org/bench';

const document = (version: string, denyAbove: number) => ({
  apiVersion: 'edict.io/v1',
  kind: 'PolicyBundle',
  metadata: { policyId: BENCH_POLICY, version },
  spec: {
    defaultEffect: 'allow',
    rules: [
      { id: 'deny-risky', priority: 10, match: { action: 'transfer' }, when: `context.risk > ${denyAbove}`, effect: 'deny', reason: 'too risky' },
      { id: 'allow-read', priority: 5, match: { action: 'read' }, effect: 'allow', reason: 'reads are fine' },
    ],
  },
});

/**
 * The embedded `@edict/pdp` DecisionPoint, as a service embeds it, serving `org/bench` 1.0.0
 * with a 10 % canary of 1.1.0 (stricter), loaded from a signed serving manifest with its own keys.
 */
export async function embeddedDecisionPoint(): Promise<DecisionPoint> {
  const bundleKey = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const manifestKey = await generateKeyPair('ES256', { extractable: true });
  const bundleJwk = await exportJWK(bundleKey.publicKey);
  const manifestJwk = await exportJWK(manifestKey.publicKey);
  const pdp = new DecisionPoint({
    name: 'bench-pdp', clock: systemClock, ids: { next: randomUUID },
    keys: (kid) => Promise.resolve(kid === 'b1' ? bundleJwk : undefined),
    manifestKeys: (kid) => Promise.resolve(kid === 'm1' ? manifestJwk : undefined),
  });
  const serve = async (version: string, denyAbove: number): Promise<ServedBundle> => {
    const doc = document(version, denyAbove);
    const digest = canonicalDigest(doc);
    const signature = await signDetached(bundleSigningPayload({ policyId: BENCH_POLICY, version, digest }), { kid: 'b1', alg: 'EdDSA', privateKey: bundleKey.privateKey });
    return { version, digest, document: doc, signature, kid: 'b1' };
  };
  const stable = await serve('1.0.0', 90);
  const canary = { ...(await serve('1.1.0', 60)), percentage: 10 };
  const manifest: ServingManifest = {
    policyId: BENCH_POLICY, revision: 1, stable: { version: stable.version, digest: stable.digest },
    canary: { version: canary.version, digest: canary.digest, percentage: 10 }, pinned: null, killSwitch: null,
  };
  const signature = await signDetached(servingManifestPayload(manifest), { kid: 'm1', alg: 'ES256', privateKey: manifestKey.privateKey });
  const state: ServingState = { policyId: BENCH_POLICY, revision: 1, stable, canary, pinned: null, killSwitch: null, manifest: { manifest, kid: 'm1', signature } };
  await pdp.load(state);
  return pdp;
}
