import type { KillSwitchMode } from '../events/rollout-events';
import type { SignedServingManifest } from './serving-manifest';

/** One signed version as distribution serves it to decision points. */
export interface ServedBundle {
  readonly version: string;
  readonly digest: string;
  readonly document: Readonly<Record<string, unknown>>;
  /** detached compact JWS over `{ policyId, version, digest }` (see signing) */
  readonly signature: string;
  readonly kid: string;
}

/**
 * What a decision point needs for one policy (GET /v1/serving/{policyId} on distribution). Order
 * of precedence: the kill switch, then a pinned version for everyone, then the canary for
 * cohorts below its percentage, then stable.
 */
export interface ServingState {
  readonly policyId: string;
  readonly stable: ServedBundle | null;
  readonly canary: (ServedBundle & { readonly percentage: number }) | null;
  readonly pinned: ServedBundle | null;
  readonly killSwitch: { readonly mode: KillSwitchMode; readonly reason: string } | null;
  /** the rollout stream revision this state reflects; decision points ignore older states */
  readonly revision: number;
  /**
   * What decision points obey: the signed manifest. The fields above are its unsigned copy with the
   * documents attached; a decision point takes versions, share, pin and kill switch from the
   * manifest and only the documents (checked against the manifest's digests and their own
   * signatures) from the rest. Distribution always sends it; optional because a decision point
   * must refuse a state without one (`manifest_missing`) rather than trust the type.
   */
  readonly manifest?: SignedServingManifest;
}
