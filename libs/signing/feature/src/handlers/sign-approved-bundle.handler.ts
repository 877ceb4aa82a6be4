import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { bundleSigningPayload, StreamIds, type BundleApproved } from '@edict/contracts';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata } from '@edict/messaging';
import { keyringDecider, signatureDecider } from '@edict/signing-domain';
import { signDetached, type Clock } from '@edict/core';
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
