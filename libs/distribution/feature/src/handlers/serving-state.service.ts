import { Inject, Injectable } from '@nestjs/common';
import { type ManifestVersion, type ServedBundle, type ServingManifest, type ServingState, type SignedServingManifest } from '@edict/contracts';
import { ConflictError } from '@edict/core';
import type { RolloutState, ServedVersion } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { MANIFEST_KEY, type ManifestKey } from '../manifest/manifest-key';
import { signManifest } from '../manifest/sign-manifest';
import { ReleasesRepository } from '../store/releases.repository';
import { BundleDocuments } from './bundle-documents';

const named = (v: ServedVersion | null): ManifestVersion | null => (v ? { version: v.version, digest: v.digest } : null);

/**
 * What decision points load for one policy, built from its rollout state at a revision: the signed
 * documents that serve, and the serving manifest distribution signs over versions, share, pin and
 * kill switch at that revision. ServingProjection calls it once per change, not per request.
 */
@Injectable()
export class ServingStateService {
  private readonly documents: BundleDocuments;
  private readonly manifests = new Map<string, SignedServingManifest>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MANIFEST_KEY) private readonly key: ManifestKey,
    private readonly releases: ReleasesRepository,
  ) {
    this.documents = new BundleDocuments(store);
  }

  async build(policyId: string, state: RolloutState, revision: number): Promise<ServingState> {
    const live = state.status === 'empty' ? null : state;
    const manifest: ServingManifest = {
      policyId,
      revision,
      stable: named(live?.stable ?? null),
      canary: live?.canary ? { version: live.canary.version, digest: live.canary.digest, percentage: live.canary.percentage } : null,
      pinned: named(live?.pin ?? null),
      killSwitch: live?.killSwitch ? { mode: live.killSwitch.mode, reason: live.killSwitch.reason } : null,
    };
    const served = (v: ManifestVersion | null): Promise<ServedBundle | null> => (v ? this.served(policyId, v) : Promise.resolve(null));
    const canary = await served(manifest.canary);
    return {
      policyId,
      revision,
      stable: await served(manifest.stable),
      canary: canary && manifest.canary ? { ...canary, percentage: manifest.canary.percentage } : null,
      pinned: await served(manifest.pinned),
      killSwitch: manifest.killSwitch,
      manifest: await this.signed(manifest),
    };
  }

  /** One signature per policy and revision: the same revision always answers the same bytes. */
  private async signed(manifest: ServingManifest): Promise<SignedServingManifest> {
    const held = this.manifests.get(manifest.policyId);
    if (held?.manifest.revision === manifest.revision) return held;
    const signed = await signManifest(manifest, this.key);
    this.manifests.set(manifest.policyId, signed);
    return signed;
  }

  private async served(policyId: string, v: ManifestVersion): Promise<ServedBundle> {
    const release = await this.releases.find(policyId, v.version);
    if (!release) throw new ConflictError('DISTRIBUTION.RELEASE_MISSING', `${policyId}@${v.version} serves but has no verified signature`);
    return { version: v.version, digest: v.digest, document: await this.documents.get(policyId, v.digest), signature: release.signature, kid: release.kid };
  }
}
