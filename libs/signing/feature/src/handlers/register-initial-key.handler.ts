import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata } from '@edict/messaging';
import { registerReadinessCheck } from '@edict/observability';
import { keyringDecider } from '@edict/signing-domain';
import { ActiveSigner } from '../keys/active-signer';
import { KeyDirectory } from '../keys/key-directory';

/**
 * At start: the initial key registers into an empty keyring (afterwards rotation adds keys), and
 * readiness reports whether this replica holds the private half of the keyring's active key.
 */
@Injectable()
export class RegisterInitialKeyHandler implements OnApplicationBootstrap, OnApplicationShutdown {
  private unregister: (() => void) | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly keys: KeyDirectory,
    private readonly signer: ActiveSigner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { kid, alg, publicJwk } = await this.keys.initialKey();
    await decideAndAppend(
      this.store,
      StreamIds.keyring,
      keyringDecider,
      { type: 'RegisterInitialKey', data: { kid, alg, publicJwk: { ...publicJwk }, at: this.clock.now().toISOString() } },
      { metadata: eventMetadata('system:signing') },
    );
    this.unregister = registerReadinessCheck('signing-key', async () => {
      await this.signer.current();
    });
  }

  onApplicationShutdown(): void {
    this.unregister?.();
  }
}
