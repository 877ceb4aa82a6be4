import { Inject, Injectable } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { NotFoundError, type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import type { Principal } from '@edict/service-kit';
import { keyringDecider, keyViews, type KeyView } from '@edict/signing-domain';

/**
 * Retirement (SigningKeyRetired, with the caller as actor): the key leaves the JWKS and its
 * signatures are refused by distribution and decision points. The private file stays in the
 * key directory (no replica signs with a retired key); delete it by hand when you are sure.
 */
@Injectable()
export class RetireKeyHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  async handle(kid: string, who: Principal): Promise<KeyView> {
    await decideAndAppend(
      this.store,
      StreamIds.keyring,
      keyringDecider,
      { type: 'RetireKey', data: { kid, at: this.clock.now().toISOString() } },
      { metadata: eventMetadata(who.subject) },
    );
    const { state } = await loadState(this.store, StreamIds.keyring, keyringDecider);
    const view = keyViews(state).find((k) => k.kid === kid);
    if (!view) throw new NotFoundError('KEYRING.KEY_NOT_FOUND', `no key ${kid}`);
    return view;
  }
}
