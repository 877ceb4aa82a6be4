import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { CloudEvent } from 'cloudevents';
import { cloudEventTypes, Topics, type DecisionLogged } from '@edict/contracts';
import { KafkaPublisher, type EdictCloudEvent } from '@edict/messaging';
import { currentContext, type Logger } from '@edict/observability';
import { PDP_CONFIG, PDP_LOGGER, type PdpConfig } from '../pdp.config';
import { PdpMetrics } from '../pdp.metrics';

/**
 * Decisions go to `edict.decisions.v1` in batches, off the request path: a decision is never
 * slowed down or failed by Kafka. While Kafka is unreachable decisions wait in memory up to a
 * limit; past it the oldest are dropped and counted (`edict_pdp_decisions_dropped_total`).
 */
@Injectable()
export class DecisionLogBuffer implements OnApplicationShutdown {
  private pending: EdictCloudEvent[] = [];
  private flushing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly metrics: PdpMetrics,
    @Inject(PDP_CONFIG) private readonly config: PdpConfig,
    @Inject(PDP_LOGGER) private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.flush(), config.logFlushMs);
  }

  add(decision: DecisionLogged['data']): void {
    const context = currentContext();
    this.pending.push(
      new CloudEvent({
        id: decision.decisionId,
        type: cloudEventTypes.DecisionLogged,
        source: `/edict/pdp/${this.config.name}`,
        subject: decision.policyId,
        time: decision.timestamp,
        datacontenttype: 'application/json',
        data: decision,
        partitionkey: decision.decisionId,
        ...(context ? { correlationid: context.correlationId } : {}),
        // not strict: the attributes are ours and well-formed; the SDK's schema check per
        // decision would cost more than the decision itself
      }, false),
    );
    const excess = this.pending.length - this.config.logBufferLimit;
    if (excess > 0) {
      this.pending.splice(0, excess);
      this.metrics.dropped.inc(excess);
    }
    if (this.pending.length >= this.config.logBatchSize) void this.flush();
  }

  /** Sends what is pending; resolves when the batch in flight (if any) is done. */
  flush(): Promise<void> {
    this.flushing ??= this.sendPending().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async sendPending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, this.config.logBatchSize);
      try {
        await this.publisher.publish(Topics.decisions, batch);
      } catch (error) {
        this.logger.warn({ topic: Topics.decisions, pending: this.pending.length, err: String(error) }, 'decision log publish failed; will retry');
        return;
      }
      this.pending.splice(0, batch.length);
      this.metrics.logged.inc(batch.length);
    }
  }
}
