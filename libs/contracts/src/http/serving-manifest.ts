import { canonicalJson } from '@edict/core';
import type { KillSwitchMode } from '../events/rollout-events';

/** A version a manifest names: which one, and the digest of its document. */
export interface ManifestVersion {
  readonly version: string;
  readonly digest: string;
}

/**
 * What a decision point must obey for one policy, as distribution signs it: the serving versions
 * (by digest), the canary's share, a pin and the kill switch with its mode. `revision` is the
 * rollout stream's revision and only grows: a decision point refuses a manifest whose revision
 * is not higher than the last one it verified, so an old manifest cannot be replayed.
 */
export interface ServingManifest {
  readonly policyId: string;
  readonly revision: number;
  readonly stable: ManifestVersion | null;
  readonly canary: (ManifestVersion & { readonly percentage: number }) | null;
  readonly pinned: ManifestVersion | null;
  readonly killSwitch: { readonly mode: KillSwitchMode; readonly reason: string } | null;
}

/** A manifest with distribution's detached compact JWS over its canonical JSON, and the key id. */
export interface SignedServingManifest {
  readonly manifest: ServingManifest;
  readonly signature: string;
  readonly kid: string;
}

/** The bytes a manifest signature covers: RFC 8785 canonical JSON of the manifest. */
export const servingManifestPayload = (manifest: ServingManifest): string => canonicalJson(manifest);
