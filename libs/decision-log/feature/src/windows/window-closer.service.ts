import { Inject, Injectable } from '@nestjs/common';
import { Topics } from '@edict/contracts';
import { KafkaPublisher } from '@edict/messaging';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { DecisionLogMetrics } from '../decision-log.metrics';
import { DecisionWindowsRepository } from '../store/decision-windows.repository';
import { windowCloudEvent } from './window-event';
import { closableThrough } from './window-schedule';

/** Windows per closing transaction, and per Kafka batch: bounds both when catching up a backlog. */
const MAX_WINDOWS_PER_CLOSE = 60;
const PUBLISH_BATCH = 500;

/**
 * One round of the window closer: close every window that ended at least the grace ago, then
 * publish whatever is closed and not yet published (this round's, and any a crash left behind).
 * Closing commits before publishing (an outbox): a failed publish is retried next round with the
 * same event ids, so consumers see a window at least once and deduplicate it by id.
 */
@Injectable()
export class WindowCloser {
  constructor(
    @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig,
    private readonly windows: DecisionWindowsRepository,
    private readonly publisher: KafkaPublisher,
    private readonly metrics: DecisionLogMetrics,
  ) {}

  async closeAndPublish(now: Date): Promise<void> {
    const { windowLengthMs, graceMs } = this.config;
    const upTo = closableThrough(now.getTime(), windowLengthMs, graceMs);
    for (let step = await this.windows.closeNext(upTo, windowLengthMs, MAX_WINDOWS_PER_CLOSE); step; step = await this.windows.closeNext(upTo, windowLengthMs, MAX_WINDOWS_PER_CLOSE)) {
      this.metrics.windowsClosed.inc(step.windows);
      this.metrics.closedThrough.set(step.range.to / 1000);
    }
    await this.publishPending();
  }

  private async publishPending(): Promise<void> {
    for (let batch = await this.windows.unpublished(PUBLISH_BATCH); batch.length > 0; batch = await this.windows.unpublished(PUBLISH_BATCH)) {
      const closed = batch.map((b) => b.window);
      await this.publisher.publish(Topics.decisionWindows, closed.map(windowCloudEvent));
      await this.windows.markPublished(closed);
      this.metrics.windowsPublished.inc(closed.length);
    }
  }
}
