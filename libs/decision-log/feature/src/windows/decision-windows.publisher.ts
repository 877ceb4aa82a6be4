import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Clock } from '@edict/core';
import type { LeaderLease, LeaderLock } from '@edict/event-store';
import { CLOCK, RUNTIME_LOGGER } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { WindowCloser } from './window-closer.service';

/** DI token of the lock that elects the one replica closing windows. */
export const WINDOWS_LEADER_LOCK = Symbol('WINDOWS_LEADER_LOCK');
const LEASE = 'decision-windows';

/** How often the leader reads the watermark and closes what it passed (at most). */
const ROUND_MS = 500;

/**
 * Closes, amends and publishes decision windows behind the event-time watermark every round
 * (`min(window length, 500 ms)`), on one decision-log replica at a time: the holder of the `decision-windows` lease.
 * The others stand by and retry for the lease. A round that fails (Postgres, Kafka) gives the
 * lease up and is retried; the checkpoint and the outbox make the retry exact.
 */
@Injectable()
export class DecisionWindowsPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig,
    @Inject(WINDOWS_LEADER_LOCK) private readonly leaderLock: LeaderLock,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
    private readonly closer: WindowCloser,
  ) {}

  onApplicationBootstrap(): void {
    this.loop ??= this.run();
  }

  /** Stops before any BeforeApplicationShutdown hook ends the pool and the producer it uses. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    // standbys retry often enough to take over within a window, without hammering Postgres
    const standbyMs = Math.min(this.config.windowLengthMs, 5000);
    while (!this.stopping) {
      let lease: LeaderLease | null = null;
      try {
        lease = await this.leaderLock.tryAcquire(LEASE);
        if (lease) await this.closeWhileLeader(lease);
      } catch (error) {
        this.logger.error({ lease: LEASE, err: String(error) }, 'closing decision windows failed; retrying');
      } finally {
        await lease?.release().catch((error: unknown) => this.logger.warn({ lease: LEASE, err: String(error) }, 'releasing the windows lease failed'));
      }
      if (!this.stopping) await this.sleep(standbyMs);
    }
  }

  private async closeWhileLeader(lease: LeaderLease): Promise<void> {
    let lost = false;
    void lease.lost.then(() => {
      lost = true;
      this.wake?.();
    });
    const { windowLengthMs, allowedLatenessMs } = this.config;
    this.logger.info({ lease: LEASE, windowLengthMs, allowedLatenessMs }, 'closing decision windows on this replica');
    while (!this.stopping && !lost) {
      await this.closer.closeAndPublish(this.clock.now());
      await this.sleep(Math.min(windowLengthMs, ROUND_MS));
    }
    if (lost) this.logger.warn({ lease: LEASE }, 'lost the windows lease; standing by');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopping) return resolve();
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
