import { Inject, Injectable } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { NotFoundError, type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import type { Principal } from '@edict/service-kit';
import { keyringDecider, keyViews, type KeyView } from '@edict/signing-domain';
import { KeyDirectory } from '../keys/key-directory';

/**
 * Rotation: a new ES256 key, its private JWK written to the key directory first, then its public
 * half registered (SigningKeyRegistered, with the caller as actor). From that event on it signs.
 */
@Injectable()
export class RotateKeyHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly keys: KeyDirectory,
  ) {}

  async handle(who: Principal): Promise<KeyView> {
    const { kid, alg, publicJwk } = await this.keys.generate();
    await decideAndAppend(
      this.store,
      StreamIds.keyring,
      keyringDecider,
      { type: 'RegisterKey', data: { kid, alg, publicJwk: { ...publicJwk }, at: this.clock.now().toISOString() } },
      { metadata: eventMetadata(who.subject) },
    );
    const { state } = await loadState(this.store, StreamIds.keyring, keyringDecider);
    const view = keyViews(state).find((k) => k.kid === kid);
    if (!view) throw new NotFoundError('KEYRING.KEY_NOT_FOUND', `no key ${kid}`);
    return view;
  }
}
