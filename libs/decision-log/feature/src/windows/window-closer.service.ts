import { Inject, Injectable } from '@nestjs/common';
import { Topics } from '@edict/contracts';
import { closableThrough } from '@edict/decision-log-domain';
import { KafkaPublisher } from '@edict/messaging';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { DecisionLogMetrics } from '../decision-log.metrics';
import { DecisionWindowsRepository } from '../store/decision-windows.repository';
import { WatermarkReader } from './watermark.reader';
import { windowCloudEvent } from './window-event';

/** Windows per Kafka batch when publishing a backlog. */
const PUBLISH_BATCH = 500;

/**
 * One round of the window closer: read the watermark; unknown → close nothing (a restarted
 * decision-log waits for every partition); else close every window ending at or before the
 * watermark less the allowed lateness, amend those that got decisions since they closed, then
 * publish every revision not yet published. Closing commits before publishing (an outbox): a
 * failed publish is retried next round with the same event ids, deduplicated downstream.
 */
@Injectable()
export class WindowCloser {
  private closedThroughMs: number | null = null;

  constructor(
    @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig,
    private readonly windows: DecisionWindowsRepository,
    private readonly watermark: WatermarkReader,
    private readonly publisher: KafkaPublisher,
    private readonly metrics: DecisionLogMetrics,
  ) {}

  async closeAndPublish(now: Date): Promise<void> {
    const watermarkMs = await this.watermark.read(now.getTime());
    if (watermarkMs !== null) {
      this.metrics.watermarkLag.set(Math.max(0, now.getTime() - watermarkMs) / 1000);
      // never backwards: a partition that falls behind again does not reopen what closed
      const through = closableThrough(watermarkMs, this.config.allowedLatenessMs, this.config.windowLengthMs);
      this.closedThroughMs = Math.max(this.closedThroughMs ?? through, through);
      this.metrics.closedThrough.set(this.closedThroughMs / 1000);
    }
    const { closed, amended } = await this.windows.closeAndAmend(this.closedThroughMs);
    this.metrics.windowsClosed.inc(closed);
    this.metrics.windowsAmended.inc(amended);
    await this.publishPending();
  }

  private async publishPending(): Promise<void> {
    for (let batch = await this.windows.unpublished(PUBLISH_BATCH); batch.length > 0; batch = await this.windows.unpublished(PUBLISH_BATCH)) {
      await this.publisher.publish(Topics.decisionWindows, batch.map((b) => windowCloudEvent(b.window)));
      await this.windows.markPublished(batch);
      this.metrics.windowsPublished.inc(batch.length);
    }
  }
}
