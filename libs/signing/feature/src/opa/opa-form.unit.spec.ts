import { exportJWK, generateKeyPair } from 'jose';
import { opaBundleFiles, opaBundleInputOf, packSignedOpaBundle, verifyOpaBundle, type BuildOpaBundleInput } from '@edict/opa-bundle';
import { generateSigningKey, signingKeyOf } from '../keys/private-jwk';
import { opaFormOf } from './opa-form';

const egress = (version = '1.0.0', pkg = 'edict.org.egress'): BuildOpaBundleInput => {
  const document = {
    apiVersion: 'edict.io/v1',
    kind: 'PolicyBundle',
    metadata: { policyId: 'org/egress', version },
    spec: { rego: { modules: { 'policy.rego': `package ${pkg}\n\ndeny contains "example domain blocked" if input.url == "api.example.com"\n` } } },
  };
  const input = opaBundleInputOf('org/egress', version, document);
  if (!input) throw new Error('the fixture has Rego modules');
  return input;
};

describe('opaFormOf', () => {
  it('signs the OPA bundle with the ES256 key, recording what rebuilds the same tarball bytes', async () => {
    const { key } = await generateSigningKey();
    const { opa, opaSkipped } = await opaFormOf(egress(), key);
    expect(opaSkipped).toBeUndefined();
    expect(opa).toEqual({ digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), signatures: expect.stringMatching(/^\{"signatures":\["ey/), kid: key.kid, alg: 'ES256' });
    const first = await packSignedOpaBundle(opaBundleFiles(egress()).files, Buffer.from(opa?.signatures ?? '', 'utf8'));
    const again = await packSignedOpaBundle(opaBundleFiles(egress()).files, Buffer.from(opa?.signatures ?? '', 'utf8'));
    expect(first.digest).toBe(opa?.digest);
    expect(again.tarball.equals(first.tarball)).toBe(true);
    const verified = await verifyOpaBundle(first.tarball, key.publicJwk);
    expect(verified).toMatchObject({ revision: '1.0.0', roots: ['edict/org/egress'], kid: key.kid });
  });

  it('does not verify with another key', async () => {
    const [{ key }, { key: other }] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    const { opa } = await opaFormOf(egress(), key);
    const { tarball } = await packSignedOpaBundle(opaBundleFiles(egress()).files, Buffer.from(opa?.signatures ?? '', 'utf8'));
    await expect(verifyOpaBundle(tarball, other.publicJwk)).rejects.toMatchObject({ code: 'OPA_BUNDLE.SIGNATURE_INVALID' });
  });

  it('skips the form with a reason when the active key is EdDSA (stock opa verifies ES256, not EdDSA)', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const key = await signingKeyOf(await exportJWK(privateKey), 'an Ed25519 key');
    const form = await opaFormOf(egress(), key);
    expect(form.opa).toBeUndefined();
    expect(form.opaSkipped).toEqual({ code: 'OPA_FORM.ALG_UNSUPPORTED', reason: expect.stringContaining(`${key.kid} is EdDSA`) });
  });

  it('skips the form, naming the builder code, when spec.rego cannot be bundled', async () => {
    const { key } = await generateSigningKey();
    const form = await opaFormOf(egress('1.0.0', 'edict.org.other'), key);
    expect(form).toEqual({ opaSkipped: { code: 'OPA_BUNDLE.PACKAGE_OUTSIDE_ROOTS', reason: expect.any(String) } });
  });
});
