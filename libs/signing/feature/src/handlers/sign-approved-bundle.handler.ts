import { Inject, Injectable } from '@nestjs/common';
import { bundleSigningPayload, StreamIds, type BundleApproved } from '@edict/contracts';
import { signDetached, ValidationError, type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import { bundleLineDecider } from '@edict/authoring-domain';
import { signatureDecider } from '@edict/signing-domain';
import { ActiveSigner } from '../keys/active-signer';
import { OpaFormService } from '../opa/opa-form.service';

/** Signs approved versions with the keyring's active key, and their OPA form (spec.rego) with the same key. */
@Injectable()
export class SignApprovedBundleHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly signer: ActiveSigner,
    private readonly opaForm: OpaFormService,
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

  async handle(approved: BundleApproved['data']): Promise<void> {
    const { policyId, version, digest } = approved;
    await this.requireApproved(policyId, version, digest);
    // one key for both signatures, so the OPA form carries the Edict signature's kid even across a rotation
    const key = await this.signer.current();
    const { kid, alg } = key;
    const signature = await signDetached(bundleSigningPayload({ policyId, version, digest }), key);
    const opaFields = await this.opaForm.of(policyId, version, digest, key);
    await decideAndAppend(
      this.store,
      StreamIds.signature(policyId, version),
      signatureDecider,
      { type: 'SignBundle', data: { policyId, version, digest, kid, alg, signature, ...opaFields, at: this.clock.now().toISOString() } },
      { metadata: eventMetadata('system:signing') },
    );
  }
}
