import { Inject, Injectable } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { isEdictError } from '@edict/core';
import { consumerGroupOf, KafkaPublisher, RUNTIME_LOGGER } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { DecisionLogMetrics } from '../decision-log.metrics';
import type { StoredBatch } from '../store/decision-batch.store';
import { storeError } from '../store/pg-errors';
import { WindowsOnlyRepository } from '../store/windows-only.repository';
import type { OffsetDecision, OffsetOrigin } from '../store/windows-only.store';
import type { BatchControl } from './batch-ingest';
import { deadLetterDecision } from './decision-dead-letter';
import { decisionOf } from './decision-message';
import { forWindows } from './for-windows';

const MAX_UNEXPECTED_ATTEMPTS = 3;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One batch of `edict.decisions.v1` in the windows-only mode (EDICT_DECISION_STORE_RAW=false):
 * messages below the partition's stored next offset are skipped (already counted: a redelivery),
 * the rest read (a poison message goes to the DLQ; masked only where it changes a count, see forWindows), and their window counts upserted in
 * one transaction with the partition's next offset (WindowsOnlyRepository). Exactly-once by offset,
 * not by decision id: a decision published twice as two messages is counted twice. Postgres
 * unreachable is waited out while the batch is ours; a batch it refuses is counted decision by
 * decision, so only the decision it refuses is dead-lettered.
 */
@Injectable()
export class WindowsOnlyIngest {
  constructor(
    private readonly windows: WindowsOnlyRepository,
    private readonly publisher: KafkaPublisher,
    private readonly metrics: DecisionLogMetrics,
    @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {}

  async handle(topic: string, partition: number, messages: readonly KafkaMessage[], control: BatchControl): Promise<void> {
    const last = messages[messages.length - 1];
    if (!last) return;
    const origin: OffsetOrigin = { group: consumerGroupOf('decision-log'), topic, partition };
    const from = await this.waiting(origin, control, () => this.windows.countedUpTo(origin));
    const read: (OffsetDecision & { message: KafkaMessage })[] = [];
    for (const message of messages) {
      if (Number(message.offset) < from) continue;
      try {
        const decision = decisionOf(message);
        if (decision) read.push({ decision: forWindows(decision, this.config.maskRules), offset: Number(message.offset), message });
      } catch (error) {
        await this.deadLetter(topic, partition, message, error);
      }
    }
    const next = Number(last.offset) + 1;
    if (next <= from) return;
    try {
      this.count(await this.waiting(origin, control, () => this.windows.count(read, this.config.windowLengthMs, origin, next)));
    } catch (error) {
      if (!control.isRunning()) throw error;
      this.logger.warn({ topic, partition, offset: messages[0]?.offset, err: String(error) }, 'a decision batch was refused; counting it one by one');
      for (const item of read) await this.countOne(item, item.message, origin, control);
      this.count(await this.waiting(origin, control, () => this.windows.count([], this.config.windowLengthMs, origin, next)));
    }
  }

  private async countOne(item: OffsetDecision, message: KafkaMessage, origin: OffsetOrigin, control: BatchControl): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.count(await this.waiting(origin, control, () => this.windows.count([item], this.config.windowLengthMs, origin, item.offset + 1)));
        return;
      } catch (error) {
        if (!control.isRunning()) throw error;
        if (isEdictError(error) || attempt >= MAX_UNEXPECTED_ATTEMPTS) return this.deadLetter(origin.topic, origin.partition, message, error);
      }
    }
  }

  /** Runs `work`, waiting out an unreachable Postgres for as long as the batch stays ours. */
  private async waiting<T>(origin: OffsetOrigin, control: BatchControl, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (raw) {
        const error = storeError(raw);
        if (!(isEdictError(error) && error.retriable) || !control.isRunning()) throw error;
        if (attempt === 1 || attempt % 20 === 0) this.logger.warn({ ...origin, attempt, err: String(error) }, 'counting decisions failed; retrying');
        await control.heartbeat().catch(() => undefined);
        await pause(Math.min(2000, 100 * attempt));
      }
    }
  }

  private count({ stored, late }: StoredBatch): void {
    this.metrics.counted.inc(stored);
    if (late > 0) this.metrics.late.inc(late);
  }

  private deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown): Promise<void> {
    return deadLetterDecision({ publisher: this.publisher, metrics: this.metrics, logger: this.logger }, topic, partition, message, error);
  }
}
