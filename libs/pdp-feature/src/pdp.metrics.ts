import { metricsFor } from '@edict/observability';

/** The PDP's own metrics (`edict_pdp_*`), in the service's registry served at /metrics. */
export class PdpMetrics {
  private readonly metrics = metricsFor('pdp');
  readonly decisions = this.metrics.counter({ what: 'decisions', unit: 'total', help: 'decisions made, by policy, effect and canary', labelNames: ['policy', 'effect', 'canary'] });
  readonly errors = this.metrics.counter({ what: 'decision_errors', unit: 'total', help: 'decisions that were errors, by code', labelNames: ['policy', 'code'] });
  readonly evaluation = this.metrics.histogram({ what: 'evaluation_duration', unit: 'seconds', help: 'engine evaluation time', buckets: [1e-6, 5e-6, 1e-5, 5e-5, 1e-4, 1e-3, 1e-2] });
  readonly logged = this.metrics.counter({ what: 'decisions_logged', unit: 'total', help: 'decisions published to edict.decisions.v1' });
  readonly dropped = this.metrics.counter({ what: 'decisions_dropped', unit: 'total', help: 'decisions that reached neither the decisions topic nor its DLQ, by reason (buffer_full, dead_letter_failed)', labelNames: ['reason'] });
  readonly deadLettered = this.metrics.counter({ what: 'decisions_dead_lettered', unit: 'total', help: 'decision records sent to the decisions DLQ instead of the topic, by reason (unserialisable, rejected)', labelNames: ['reason'] });
  readonly logPublishFailures = this.metrics.counter({ what: 'decision_log_publish_failures', unit: 'total', help: 'decision log batches that failed to publish for a transient reason (retried)' });
  readonly logPending = this.metrics.gauge({ what: 'decision_log_pending', unit: 'records', help: 'decision records waiting in the log buffer' });
  readonly untrusted = this.metrics.counter({ what: 'untrusted', unit: 'total', help: 'serving states refused (manifest or bundle not trusted: bad signature, unknown or retired key, stale revision, documents not the ones named) and versions dropped once their key was retired, by reason', labelNames: ['policy', 'reason'] });
}
