import { Injectable } from '@nestjs/common';
import { metricsFor } from '@edict/observability';

/** Decision-log's own metrics (`edict_decision_log_*`), in the service's registry served at /metrics. */
@Injectable()
export class DecisionLogMetrics {
  private readonly metrics = metricsFor('decision-log');
  readonly stored = this.metrics.counter({ what: 'decisions_stored', unit: 'total', help: 'decisions stored (masked); redeliveries are not counted' });
  readonly late = this.metrics.counter({
    what: 'late_decisions',
    unit: 'total',
    help: 'decisions stored after their window had closed: kept in the log, not counted in any published window',
  });
  readonly windowsClosed = this.metrics.counter({ what: 'windows_closed', unit: 'total', help: 'decision windows closed (one per policy, version and canary flag with decisions)' });
  readonly windowsPublished = this.metrics.counter({ what: 'windows_published', unit: 'total', help: 'DecisionWindowClosed events published (a republish after a crash counts again)' });
  readonly closedThrough = this.metrics.gauge({
    what: 'windows_closed_through',
    unit: 'timestamp_seconds',
    help: 'the checkpoint: every window ending at or before this Unix time is closed (set by the leader)',
  });
}
