import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Clock } from '@edict/core';
import { CLOCK, RUNTIME_LOGGER } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { utcDaysAround } from './day-partitions';
import { DecisionLogMigrator } from './decision-log.migrator';

/** How often partitions are created ahead and old ones dropped. */
const ROUND_MS = 60 * 60 * 1000;
/** Day partitions that exist ahead of time: yesterday (a late decision), today and the next two days. */
const AHEAD = { from: -1, days: 4 };

/**
 * Keeps the day partitions of raw decisions: at start and every hour, creates yesterday's to
 * the day after tomorrow's, and DROPs every day before `today − EDICT_DECISION_RETENTION_DAYS`
 * (UTC; today and that many whole days before it are kept). Every replica may run it: the
 * partition functions serialise on an advisory lock and are idempotent. A failed round (Postgres
 * away) is logged and done again the next hour; ingest creates a missing day itself meanwhile.
 */
@Injectable()
export class DecisionRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(
    @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
    private readonly store: DecisionLogMigrator,
  ) {}

  onApplicationBootstrap(): void {
    const tick = (): void => {
      this.round ??= this.run(this.clock.now()).then(() => undefined, (error: unknown) => {
        this.logger.warn({ err: String(error) }, 'keeping the decision partitions failed; retrying in an hour');
      }).finally(() => (this.round = undefined));
    };
    tick();
    this.timer = setInterval(tick, ROUND_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One round at `now`: partitions ahead created, expired days dropped; returns the names dropped. */
  async run(now: Date): Promise<string[]> {
    await this.store.migrate();
    await this.store.partitions.ensure(utcDaysAround(now.getTime(), AHEAD.from, AHEAD.days));
    const [cutoff = ''] = utcDaysAround(now.getTime(), -this.config.retentionDays, 1);
    const dropped = await this.store.partitions.dropBefore(cutoff);
    if (dropped.length > 0) this.logger.info({ dropped, retentionDays: this.config.retentionDays }, 'decision partitions past retention dropped');
    return dropped;
  }
}
