import { Injectable } from '@nestjs/common';
import { metricsFor } from '@edict/observability';

/** Decision-log's own metrics (`edict_decision_log_*`), in the service's registry served at /metrics. */
@Injectable()
export class DecisionLogMetrics {
  private readonly metrics = metricsFor('decision-log');
  readonly stored = this.metrics.counter({ what: 'decisions_stored', unit: 'total', help: 'decisions stored (masked); redeliveries are not counted' });
  readonly counted = this.metrics.counter({ what: 'decisions_counted', unit: 'total', help: 'decisions counted into windows without a stored row (EDICT_DECISION_STORE_RAW=false); redeliveries are not counted' });
  readonly late = this.metrics.counter({
    what: 'late_decisions',
    unit: 'total',
    help: 'window counts added to windows already closed: each is carried by a correction (the next revision of the window)',
  });
  readonly windowsClosed = this.metrics.counter({ what: 'windows_closed', unit: 'total', help: 'decision windows closed (one per policy, version and canary flag with decisions)' });
  readonly windowsPublished = this.metrics.counter({ what: 'windows_published', unit: 'total', help: 'DecisionWindowClosed events published (a republish after a crash counts again)' });
  readonly windowsAmended = this.metrics.counter({ what: 'windows_amended', unit: 'total', help: 'closed windows re-published with a higher revision because decisions arrived after they closed' });
  readonly watermarkLag = this.metrics.gauge({
    what: 'watermark_lag',
    unit: 'seconds',
    help: 'how far the event-time watermark of edict.decisions.v1 is behind now (on the leader); windows wait this long beyond their end plus the allowed lateness',
  });
  /** the runtime's dead-letter counter (same name and labels, so the same series) */
  readonly deadLettered = this.metrics.counter({ what: 'dlq_messages', unit: 'total', help: 'messages sent to a dead-letter topic, by source topic and error code', labelNames: ['topic', 'code'] });
  /** after each batch of edict.decisions.v1: messages left behind the partition's high watermark (kafkajs `batch.offsetLag()`) */
  readonly consumerLag = this.metrics.gauge({
    what: 'consumer_lag', unit: 'messages', help: 'messages of edict.decisions.v1 behind the high watermark after the last batch, by partition', labelNames: ['topic', 'partition'],
  });
  readonly closedThrough = this.metrics.gauge({
    what: 'windows_closed_through',
    unit: 'timestamp_seconds',
    help: 'every window ending at or before this Unix time is closed (the watermark less the allowed lateness, on the leader)',
  });
}
