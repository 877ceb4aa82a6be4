import { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { KillSwitchMode } from '@edict/contracts';
import { buildSignedOpaBundle, opaSignerFromPrivateKey, regoPackageOf, regoRootOf } from '@edict/opa-bundle';
import { MANIFEST_KEY, type ManifestKey } from '../manifest/manifest-key';
import type { OpaBundleRelease } from './opa-bundle-release.handler';

/** The Rego a disabled policy answers with at its root: `allow` and `deny` fixed by the mode. */
export const killSwitchRego = (policyId: string, mode: KillSwitchMode): string =>
  [
    `# Edict kill switch (${mode}) for ${policyId}: every query on this root answers the same.`,
    `package ${regoPackageOf(regoRootOf(policyId))}`,
    '',
    mode === 'fail-open' ? 'allow := true' : 'allow := false',
    '',
    mode === 'fail-open' ? 'deny := set()' : 'deny := {"edict kill switch: policy disabled (fail-closed)"}',
    '',
  ].join('\n');

/**
 * The bundle an agent gets while a policy's kill switch is on: revision `kill-switch-<mode>`,
 * signed (ES256) with distribution's manifest key, whose kid is in `/.well-known/jwks.json` and whose
 * PEM is `GET /opa/keys/distribution.pem`. Built once per policy and mode, so its ETag is stable.
 */
@Injectable()
export class KillSwitchBundles {
  private readonly built = new Map<string, Promise<OpaBundleRelease>>();

  constructor(@Inject(MANIFEST_KEY) private readonly key: ManifestKey) {}

  of(policyId: string, mode: KillSwitchMode): Promise<OpaBundleRelease> {
    const id = `${policyId}\u0000${mode}`;
    let bundle = this.built.get(id);
    if (!bundle) {
      bundle = this.build(policyId, mode);
      this.built.set(id, bundle);
      bundle.catch(() => this.built.delete(id));
    }
    return bundle;
  }

  private async build(policyId: string, mode: KillSwitchMode): Promise<OpaBundleRelease> {
    const privateKey = this.key.signer.privateKey;
    if (privateKey instanceof Uint8Array) throw new Error('the manifest key is not an asymmetric key');
    const sign = opaSignerFromPrivateKey(KeyObject.from(privateKey), 'ES256');
    const input = { policyId, version: `kill-switch-${mode}`, rego: { modules: { 'kill-switch.rego': killSwitchRego(policyId, mode) } } };
    const { tarball, digest } = await buildSignedOpaBundle(input, { kid: this.key.signer.kid, alg: 'ES256', sign });
    return { tarball, digest };
  }
}
