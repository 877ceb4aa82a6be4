import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock } from '@edict/core';
import { EVENT_STORE, PostgresLeaderLock, type EventStore } from '@edict/event-store';
import { CLOCK, RUNTIME_LOGGER, runtimeEnv } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { ActiveSigner } from '../keys/active-signer';
import { AuditAnchor } from './audit-anchor';
import { auditCheckpointIntervalMs } from './audit-anchor.config';
import { auditChainBrokenGauge } from './audit-chain-gauge';

/** Runs the AuditAnchor in the signing service (every replica competes for the one lease). */
@Injectable()
export class AuditAnchorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private anchor: AuditAnchor | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signer: ActiveSigner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const env = runtimeEnv();
    this.anchor = new AuditAnchor({
      store: this.store,
      signer: this.signer,
      clock: this.clock,
      leaderLock: new PostgresLeaderLock(env.databaseUrl, { schema: env.schema }),
      logger: this.logger,
      intervalMs: auditCheckpointIntervalMs(),
      broken: auditChainBrokenGauge(),
    });
    this.anchor.start();
  }

  /** A rollout event: verify and sign the head now rather than at the next interval. */
  trigger(): void {
    this.anchor?.trigger();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.anchor?.stop();
  }
}
