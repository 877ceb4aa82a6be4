import { Topics, type DecisionLogged } from '@edict/contracts';
import type { KafkaPublisher } from '@edict/messaging/kafka';
import { currentContext, registerReadinessCheck, type Logger } from '@edict/observability';
import type { PdpConfig } from '../pdp.config';
import type { PdpMetrics } from '../pdp.metrics';
import { deadLetterDecision, type PoisonRecord } from './decision-dead-letter';
import { serialiseRecord, type PendingDecision, type SerialisedRecord } from './decision-record.serializer';
import { sendIsolating } from './send-isolating';

/** Consecutive failed flushes after which the `decision-log` readiness check fails. */
export const FAILED_FLUSHES_NOT_READY = 3;

/**
 * Decisions go to `edict.decisions.v1` as binary-mode CloudEvents (decision-record.serializer.ts)
 * in batches (at least every `logFlushMs` while any wait; no timer at all while none do), off the
 * request path: a decision is never
 * slowed down or failed by Kafka. While Kafka is unreachable decisions wait in memory up to
 * `logBufferLimit`; past it the OLDEST are dropped and counted (`edict_pdp_decisions_dropped_total
 * {reason="buffer_full"}`): recent decisions matter more to the gates, and refusing new ones
 * would hide the newest behaviour. A record that cannot be serialised, or that the broker refuses
 * on its own, is dead-lettered to `edict.decisions.v1.dlq` with its reason and counted
 * (`edict_pdp_decisions_dead_lettered_total{reason}`); the rest of the batch goes on.
 */
export class DecisionLogBuffer {
  private pending: PendingDecision[] = [];
  private flushing: Promise<void> | undefined;
  private failedFlushes = 0;
  private lastError: string | undefined;
  /** armed only while records wait: an idle PDP has no timer firing (no wake-ups, no CPU) */
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private unregister: (() => void) | undefined;
  private readonly source: string;

  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly metrics: PdpMetrics,
    private readonly config: PdpConfig,
    private readonly logger: Logger,
  ) {
    this.source = `/edict/pdp/${config.name}`;
  }

  add(decision: DecisionLogged['data']): void {
    // the event is built when the batch is sent, from the decision and the request's correlation id
    this.pending.push({ decision, correlationId: currentContext()?.correlationId });
    this.enforceLimit();
    if (this.pending.length >= this.config.logBatchSize) void this.flush();
    this.schedule();
  }

  /** A flush `logFlushMs` after the first record waiting; again while records remain (Kafka down: retries). */
  private schedule(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setTimeout(() => {
      const again = (): void => {
        this.timer = undefined;
        if (this.pending.length > 0) this.schedule();
      };
      void this.flush().then(again, again);
    }, this.config.logFlushMs);
  }

  /** Sends what is pending; resolves when the batch in flight (if any) is done. */
  flush(): Promise<void> {
    this.flushing ??= this.sendPending().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** The readiness check: fails once FAILED_FLUSHES_NOT_READY flushes in a row could not publish. */
  health(): Promise<void> {
    if (this.failedFlushes < FAILED_FLUSHES_NOT_READY) return Promise.resolve();
    return Promise.reject(new Error(`${this.failedFlushes} decision log flushes failed in a row, ${this.pending.length} pending: ${this.lastError}`));
  }

  onApplicationBootstrap(): void {
    this.unregister = registerReadinessCheck('decision-log', () => this.health());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unregister?.();
    await this.flush();
  }

  private async sendPending(): Promise<void> {
    while (this.pending.length > 0) {
      // out of `pending` while in flight, so that dropping the oldest cannot hit the wrong records
      const batch = this.pending.splice(0, this.config.logBatchSize);
      const records: SerialisedRecord[] = [];
      for (const pending of batch) {
        const outcome = serialiseRecord(this.source, pending);
        if (outcome.ok) records.push(outcome.record);
        else await this.deadLetter({ pending, reason: 'unserialisable', error: outcome.error });
      }
      const result = await sendIsolating(this.publisher, Topics.decisions, records);
      this.metrics.logged.inc(result.sent);
      for (const { record, error } of result.rejected) await this.deadLetter({ pending: record.pending, reason: 'rejected', error, value: record.message.value });
      if (result.unsent.length > 0) {
        this.pending.unshift(...result.unsent.map((r) => r.pending));
        this.enforceLimit();
        this.failedFlushes++;
        this.lastError = String(result.transientError);
        this.metrics.logPublishFailures.inc();
        this.logger.warn({ topic: Topics.decisions, pending: this.pending.length, failedFlushes: this.failedFlushes, err: this.lastError }, 'decision log publish failed; will retry');
        break;
      }
      this.failedFlushes = 0;
    }
    this.metrics.logPending.set(this.pending.length);
  }

  private async deadLetter(poison: PoisonRecord): Promise<void> {
    const fields = { decisionId: poison.pending.decision.decisionId, reason: poison.reason, err: poison.error };
    try {
      await deadLetterDecision(this.publisher, this.source, `pdp/${this.config.name}`, poison);
      this.metrics.deadLettered.inc({ reason: poison.reason });
      this.logger.error(fields, 'decision record dead-lettered');
    } catch (error) {
      this.metrics.dropped.inc({ reason: 'dead_letter_failed' });
      this.logger.error({ ...fields, dlqErr: String(error) }, 'decision record could not be dead-lettered; dropped');
    }
  }

  private enforceLimit(): void {
    const excess = this.pending.length - this.config.logBufferLimit;
    if (excess > 0) {
      this.pending.splice(0, excess);
      this.metrics.dropped.inc({ reason: 'buffer_full' }, excess);
    }
  }
}
