import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type ServedBundle, type ServingState } from '@edict/contracts';
import { ConflictError } from '@edict/core';
import { rolloutDecider, type ServedVersion } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import { ReleasesRepository } from '../store/releases.repository';
import { BundleDocuments } from './bundle-documents';

/** What decision points load: for each policy, the signed documents that serve and how. */
@Injectable()
export class ServingStateService {
  private readonly documents: BundleDocuments;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly releases: ReleasesRepository) {
    this.documents = new BundleDocuments(store);
  }

  async all(): Promise<ServingState[]> {
    return Promise.all((await this.releases.policyIds()).map((id) => this.of(id)));
  }

  async of(policyId: string): Promise<ServingState> {
    const { state, revision } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
    const empty: ServingState = { policyId, stable: null, canary: null, pinned: null, killSwitch: null, revision };
    if (state.status === 'empty') return empty;
    const served = (v: ServedVersion | null): Promise<ServedBundle | null> => (v ? this.served(policyId, v) : Promise.resolve(null));
    const canary = state.canary ? await this.served(policyId, state.canary) : null;
    return {
      ...empty,
      stable: await served(state.stable),
      canary: canary && state.canary ? { ...canary, percentage: state.canary.percentage } : null,
      pinned: await served(state.pin),
      killSwitch: state.killSwitch ? { mode: state.killSwitch.mode, reason: state.killSwitch.reason } : null,
    };
  }

  private async served(policyId: string, v: ServedVersion): Promise<ServedBundle> {
    const release = await this.releases.find(policyId, v.version);
    if (!release) throw new ConflictError('DISTRIBUTION.RELEASE_MISSING', `${policyId}@${v.version} serves but has no verified signature`);
    return { version: v.version, digest: v.digest, document: await this.documents.get(policyId, v.digest), signature: release.signature, kid: release.kid };
  }
}
