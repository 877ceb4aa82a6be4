import { Inject, Injectable } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { signDetached, UnavailableError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import { activeKey, keyringDecider } from '@edict/signing-domain';
import { KeyDirectory } from './key-directory';
import type { SigningKey } from './private-jwk';

/** A detached JWS and the key that made it. */
export interface Signed {
  readonly kid: string;
  readonly alg: SigningKey['alg'];
  readonly signature: string;
}

/**
 * Signs with the keyring's active key, read from the store at every signature, so a rotation on
 * any replica takes effect on all of them without a restart. A replica that lacks the active
 * key's private half refuses (retriably) rather than sign with an older key. Other use cases
 * (export envelopes, OPA signatures) sign through this too.
 */
@Injectable()
export class ActiveSigner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly keys: KeyDirectory) {}

  async current(): Promise<SigningKey> {
    const { state } = await loadState(this.store, StreamIds.keyring, keyringDecider);
    const active = activeKey(state);
    if (!active) throw new UnavailableError('SIGNING.NO_ACTIVE_KEY', 'the keyring has no key that is not retired');
    const key = await this.keys.find(active.kid);
    if (!key) {
      throw new UnavailableError(
        'SIGNING.ACTIVE_KEY_UNAVAILABLE',
        `this replica has no private key for the active key ${active.kid} in ${this.keys.config.dir}; it will not sign with another key`,
        { kid: active.kid },
      );
    }
    return key;
  }

  async sign(payload: string): Promise<Signed> {
    const key = await this.current();
    return { kid: key.kid, alg: key.alg, signature: await signDetached(payload, key) };
  }
}
