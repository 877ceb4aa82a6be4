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

/** What a retired policy answers at its root (as Edict's PDPs, which deny with PDP.NO_ACTIVE_BUNDLE): nothing allowed. */
export const retiredRego = (policyId: string): string =>
  [
    `# Edict: ${policyId} is retired; every query on this root is denied.`,
    `package ${regoPackageOf(regoRootOf(policyId))}`,
    '',
    'allow := false',
    '',
    `deny := {"edict: ${policyId} is retired"}`,
    '',
  ].join('\n');

/** A kill switch mode, or `retired` (PolicyRetired): the bundles distribution builds itself. */
export type BuiltBundleMode = KillSwitchMode | 'retired';

/**
 * The bundle an agent gets while a policy's kill switch is on (or once it is retired: revision `retired`): revision `kill-switch-<mode>`,
 * signed (ES256) with distribution's manifest key, whose kid is in `/.well-known/jwks.json` and whose
 * PEM is `GET /opa/keys/distribution.pem`. Built once per policy and mode, so its ETag is stable.
 */
@Injectable()
export class KillSwitchBundles {
  private readonly built = new Map<string, Promise<OpaBundleRelease>>();

  constructor(@Inject(MANIFEST_KEY) private readonly key: ManifestKey) {}

  of(policyId: string, mode: BuiltBundleMode): Promise<OpaBundleRelease> {
    const id = `${policyId}\u0000${mode}`;
    let bundle = this.built.get(id);
    if (!bundle) {
      bundle = this.build(policyId, mode);
      this.built.set(id, bundle);
      bundle.catch(() => this.built.delete(id));
    }
    return bundle;
  }

  private async build(policyId: string, mode: BuiltBundleMode): Promise<OpaBundleRelease> {
    const privateKey = this.key.signer.privateKey;
    if (privateKey instanceof Uint8Array) throw new Error('the manifest key is not an asymmetric key');
    const sign = opaSignerFromPrivateKey(KeyObject.from(privateKey), 'ES256');
    const modules: Record<string, string> = mode === 'retired' ? { 'retired.rego': retiredRego(policyId) } : { 'kill-switch.rego': killSwitchRego(policyId, mode) };
    const input = { policyId, version: mode === 'retired' ? 'retired' : `kill-switch-${mode}`, rego: { modules } };
    const { tarball, digest } = await buildSignedOpaBundle(input, { kid: this.key.signer.kid, alg: 'ES256', sign });
    return { tarball, digest };
  }
}
