import { servingManifestPayload, type ServingManifest, type SignedServingManifest } from '@edict/contracts';
import { signDetached } from '@edict/core';
import type { ManifestKey } from './manifest-key';

/** Signs what decision points must obey for one policy (detached JWS over its canonical JSON). */
export async function signManifest(manifest: ServingManifest, key: ManifestKey): Promise<SignedServingManifest> {
  return { manifest, signature: await signDetached(servingManifestPayload(manifest), key.signer), kid: key.signer.kid };
}
