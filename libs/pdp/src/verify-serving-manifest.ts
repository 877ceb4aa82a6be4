import { servingManifestPayload, type ManifestVersion, type ServedBundle, type ServingManifest, type ServingState } from '@edict/contracts';
import { ValidationError, verifyDetached } from '@edict/core';
import type { KeyLookup } from './verify-served-bundle';

/** Why a serving state was refused: the label of `edict_pdp_untrusted_total{reason}`. */
export type UntrustedReason =
  | 'manifest_missing'
  | 'manifest_unknown_key'
  | 'manifest_signature_invalid'
  | 'manifest_policy_mismatch'
  | 'manifest_stale'
  | 'bundle_mismatch'
  | 'bundle_untrusted';

/** A serving state a decision point refused; it keeps its last verified state. */
export class UntrustedServingStateError extends ValidationError {
  constructor(readonly reason: UntrustedReason, message: string) {
    super('PDP.SERVING_STATE_UNTRUSTED', message, { reason });
  }
}

/** What a verified manifest lets a decision point serve: the manifest's fields, with the documents attached. */
export interface TrustedServingState {
  readonly policyId: string;
  readonly revision: number;
  readonly stable: ServedBundle | null;
  readonly canary: (ServedBundle & { readonly percentage: number }) | null;
  readonly pinned: ServedBundle | null;
  readonly killSwitch: ServingManifest['killSwitch'];
}

const refuse = (reason: UntrustedReason, message: string): never => {
  throw new UntrustedServingStateError(reason, message);
};

function attach(policyId: string, named: ManifestVersion | null, bundle: ServedBundle | null, what: string): ServedBundle | null {
  if (named === null) return null;
  if (!bundle || bundle.version !== named.version || bundle.digest !== named.digest) {
    return refuse('bundle_mismatch', `${policyId}: the ${what} bundle is not ${named.version} (${named.digest}) as the manifest says`);
  }
  return bundle;
}

/**
 * Verifies distribution's signature over a serving state's manifest and returns what it says to
 * serve: versions, canary share, pin and kill switch come from the signed manifest only, and each
 * document served beside it must be the version and digest the manifest names. The unsigned copies
 * of those fields in the state are ignored. Bundle signatures are checked separately
 * (verifyServedBundle); the revision against what is held, by the caller.
 */
export async function verifyServingManifest(state: ServingState, keys: KeyLookup): Promise<TrustedServingState> {
  const signed = state.manifest;
  if (!signed) return refuse('manifest_missing', `${state.policyId}: the serving state carries no signed manifest`);
  const { manifest } = signed;
  if (manifest.policyId !== state.policyId) refuse('manifest_policy_mismatch', `${state.policyId}: the manifest is for ${manifest.policyId}`);
  const jwk = await keys(signed.kid);
  if (!jwk) return refuse('manifest_unknown_key', `${state.policyId}: manifest key ${signed.kid} is not in distribution's JWKS`);
  if (!(await verifyDetached(signed.signature, servingManifestPayload(manifest), jwk))) {
    refuse('manifest_signature_invalid', `${state.policyId}: the manifest signature does not verify`);
  }
  const canary = attach(state.policyId, manifest.canary, state.canary, 'canary');
  return {
    policyId: manifest.policyId,
    revision: manifest.revision,
    stable: attach(state.policyId, manifest.stable, state.stable, 'stable'),
    canary: canary && manifest.canary ? { ...canary, percentage: manifest.canary.percentage } : null,
    pinned: attach(state.policyId, manifest.pinned, state.pinned, 'pinned'),
    killSwitch: manifest.killSwitch,
  };
}
