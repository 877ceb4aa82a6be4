import { Inject, Injectable } from '@nestjs/common';
import { bundleSigningPayload, StreamIds, type BundleSigned } from '@edict/contracts';
import { ValidationError, verifyDetached, type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, loadState } from '@edict/messaging';
import { keyringDecider } from '@edict/signing-domain';
import { ReleasesRepository } from '../store/releases.repository';

/**
 * A signed version becomes releasable only once distribution has verified its signature against
 * the keyring itself; a signature that does not verify, or was made by an unknown or retired
 * key, is refused (and dead-lettered).
 */
@Injectable()
export class RecordSignedBundleHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly releases: ReleasesRepository,
  ) {}

  async handle(signed: BundleSigned['data']): Promise<void> {
    const { policyId, version, digest, kid, signature } = signed;
    const { state } = await loadState(this.store, StreamIds.keyring, keyringDecider);
    const key = state.keys.find((k) => k.kid === kid);
    if (!key) throw new ValidationError('DISTRIBUTION.UNKNOWN_KEY', `${policyId}@${version} is signed with ${kid}, which is not in the keyring`);
    if (key.retiredAt) throw new ValidationError('DISTRIBUTION.KEY_RETIRED', `${policyId}@${version} is signed with ${kid}, retired at ${key.retiredAt}`, { kid, retiredAt: key.retiredAt });
    if (!(await verifyDetached(signature, bundleSigningPayload({ policyId, version, digest }), key.publicJwk))) {
      throw new ValidationError('DISTRIBUTION.SIGNATURE_INVALID', `the signature of ${policyId}@${version} does not verify`);
    }
    await this.releases.save({ policyId, version, digest, kid, signature, verifiedAt: this.clock.now().toISOString() });
  }
}
