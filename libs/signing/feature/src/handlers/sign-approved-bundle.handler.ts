import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { bundleSigningPayload, StreamIds, type BundleApproved } from '@edict/contracts';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import { bundleLineDecider } from '@edict/authoring-domain';
import { keyringDecider, signatureDecider } from '@edict/signing-domain';
import { signDetached, ValidationError, type Clock } from '@edict/core';
import { SIGNING_KEY } from '../keys/signing-key.provider';
import type { SigningKey } from '../keys/signing-key.loader';

/** Signs approved versions with the current key; registers that key's public half at start. */
@Injectable()
export class SignApprovedBundleHandler implements OnApplicationBootstrap {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
  ) {}

  /**
   * Signs only what authoring's own stream shows approved with this digest: a message on the
   * topic is not proof (anyone who can write to Kafka could forge one). Anything else is refused
   * and dead-lettered.
   */
  private async requireApproved(policyId: string, version: string, digest: string): Promise<void> {
    const { state } = await loadState(this.store, StreamIds.bundle(policyId), bundleLineDecider);
    const v = state.kind === 'active' ? state.versions[version] : undefined;
    if (!v || v.status !== 'approved' || v.digest !== digest) {
      throw new ValidationError('SIGNING.NOT_APPROVED', `${policyId}@${version} with digest ${digest} is not approved in the bundle stream`);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    const { kid, alg, publicJwk } = this.key;
    await decideAndAppend(
      this.store,
      StreamIds.keyring,
      keyringDecider,
      { type: 'RegisterKey', data: { kid, alg, publicJwk: { ...publicJwk }, at: this.clock.now().toISOString() } },
      { metadata: eventMetadata('system:signing') },
    );
  }

  async handle(approved: BundleApproved['data']): Promise<void> {
    const { policyId, version, digest } = approved;
    await this.requireApproved(policyId, version, digest);
    const signature = await signDetached(bundleSigningPayload({ policyId, version, digest }), this.key);
    await decideAndAppend(
      this.store,
      StreamIds.signature(policyId, version),
      signatureDecider,
      { type: 'SignBundle', data: { policyId, version, digest, kid: this.key.kid, alg: this.key.alg, signature, at: this.clock.now().toISOString() } },
      { metadata: eventMetadata('system:signing') },
    );
  }
}
