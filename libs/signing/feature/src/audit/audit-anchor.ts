import type { Gauge } from 'prom-client';
import type { Clock } from '@edict/core';
import type { AuditBreak, EventStore, SignedCheckpoint } from '@edict/event-store';
import type { LeaderLease, LeaderLock, MessagingLogger } from '@edict/messaging';
import type { ActiveSigner } from '../keys/active-signer';
import { runAuditPass } from './audit-pass';

export interface AuditAnchorOptions {
  readonly store: EventStore;
  readonly signer: ActiveSigner;
  readonly clock: Clock;
  readonly leaderLock: LeaderLock;
  readonly logger: MessagingLogger;
  readonly intervalMs: number;
  /** `edict_audit_chain_broken`: 1 while the log does not verify, 0 once a pass verified */
  readonly broken: Gauge;
  readonly standbyRetryMs?: number;
}

/**
 * The signing service's audit anchor: one leader (lease `audit-anchor`) verifies the whole log and
 * signs its head every interval, and at once when `trigger()` is called (every rollout event).
 * Standbys only wait for the lease. The checkpoints this leader signed stay in memory as anchors.
 */
export class AuditAnchor {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private pending = false;
  private readonly anchors: SignedCheckpoint[] = [];
  private reported: AuditBreak | undefined;

  constructor(private readonly options: AuditAnchorOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Ask for a pass now (a rollout event happened). */
  trigger(): void {
    this.pending = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { leaderLock, logger, standbyRetryMs = 1000 } = this.options;
    while (!this.stopping) {
      let lease: LeaderLease | null = null;
      try {
        lease = await leaderLock.tryAcquire('audit-anchor');
        if (lease) await this.anchorWhileLeader(lease);
      } catch (error) {
        logger.error({ err: String(error) }, 'audit anchor failed; retrying');
      } finally {
        await lease?.release().catch(() => undefined);
      }
      if (!this.stopping) await this.sleep(standbyRetryMs);
    }
  }

  private async anchorWhileLeader(lease: LeaderLease): Promise<void> {
    let lost = false;
    void lease.lost.then(() => {
      lost = true;
      this.wake?.();
    });
    while (!this.stopping && !lost) {
      this.pending = false;
      await this.pass();
      if (!this.pending) await this.sleep(this.options.intervalMs);
    }
  }

  private async pass(): Promise<void> {
    const { store, signer, clock, logger, broken } = this.options;
    const outcome = await runAuditPass({ store, signer, clock }, this.anchors, this.reported);
    if (outcome.ok) {
      broken.set(0);
      this.reported = undefined;
      return;
    }
    broken.set(1);
    this.reported = outcome.break;
    if (outcome.reported) logger.error({ ...outcome.break }, 'audit chain broken');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
