import { Inject, Injectable } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import type { DecisionLogged } from '@edict/contracts';
import { isEdictError } from '@edict/core';
import { KafkaPublisher, RUNTIME_LOGGER } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { DecisionLogMetrics } from '../decision-log.metrics';
import { DecisionLogRepository } from '../store/decision-log.repository';
import type { BatchOrigin, StoredBatch } from '../store/decision-batch.store';
import { storeError } from '../store/pg-errors';
import { deadLetterDecision } from './decision-dead-letter';
import { readDecision } from './decision-message';
import { maskWhenNeeded } from './mask-when-needed';
import { rawTextReusable } from './raw-decision-text';

type Decision = DecisionLogged['data'];

/** What the consumer lets ingest do while it waits: stop when the batch is no longer ours, keep the group membership. */
export interface BatchControl {
  readonly isRunning: () => boolean;
  readonly heartbeat: () => Promise<void>;
}

/** Attempts at a decision that fails for an unexpected reason before it is dead-lettered. */
const MAX_UNEXPECTED_ATTEMPTS = 3;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One batch of `edict.decisions.v1`: each message read and masked (a poison message goes to the
 * DLQ, never retried; maskDecision only where a rule applies, maskWhenNeeded; the message's own
 * JSON text kept when nothing was masked, rawTextReusable), then all of them stored in one
 * transaction with their window counts and the partition's position. An unreachable Postgres is waited out (retried with backoff while the
 * batch is ours; the offset is committed only after). A batch Postgres refuses is stored decision
 * by decision, so that only the decision it refuses is dead-lettered.
 */
@Injectable()
export class BatchIngest {
  private readonly mask: (decision: Decision) => Decision;
  private readonly reusable: (json: string) => boolean;

  constructor(
    private readonly decisions: DecisionLogRepository,
    private readonly publisher: KafkaPublisher,
    private readonly metrics: DecisionLogMetrics,
    @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {
    this.mask = maskWhenNeeded(config.maskRules);
    this.reusable = rawTextReusable(config.maskRules);
  }

  async handle(topic: string, partition: number, messages: readonly KafkaMessage[], control: BatchControl): Promise<void> {
    const read: { decision: Decision; text: string; message: KafkaMessage }[] = [];
    for (const message of messages) {
      try {
        const got = readDecision(message);
        if (!got) continue;
        const decision = this.mask(got.decision);
        // the message's own text when masking changed nothing and the text hides nothing (rawTextReusable), else re-serialised
        read.push({ decision, text: decision === got.decision && this.reusable(got.json) ? got.json : JSON.stringify(decision), message });
      } catch (error) {
        await this.deadLetter(topic, partition, message, error);
      }
    }
    const origin = { topic, partition };
    try {
      this.count(await this.storeWaiting(read.map((r) => r.decision), read.map((r) => r.text), origin, control));
    } catch (error) {
      if (!control.isRunning()) throw error;
      this.logger.warn({ topic, partition, offset: messages[0]?.offset, err: String(error) }, 'a decision batch was refused; storing it one by one');
      for (const { decision, text, message } of read) await this.storeOne(decision, text, message, origin, control);
    }
  }

  private async storeOne(decision: Decision, text: string, message: KafkaMessage, origin: BatchOrigin, control: BatchControl): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.count(await this.storeWaiting([decision], [text], origin, control));
        return;
      } catch (error) {
        if (!control.isRunning()) throw error;
        if (isEdictError(error) || attempt >= MAX_UNEXPECTED_ATTEMPTS) return this.deadLetter(origin.topic, origin.partition, message, error);
      }
    }
  }

  /** Stores, waiting out an unreachable Postgres for as long as the batch stays ours. */
  private async storeWaiting(decisions: readonly Decision[], texts: readonly string[], origin: BatchOrigin, control: BatchControl): Promise<StoredBatch> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.decisions.store(decisions, this.config.windowLengthMs, origin, texts);
      } catch (raw) {
        const error = storeError(raw);
        if (!(isEdictError(error) && error.retriable) || !control.isRunning()) throw error;
        if (attempt === 1 || attempt % 20 === 0) this.logger.warn({ ...origin, attempt, err: String(error) }, 'storing decisions failed; retrying');
        await control.heartbeat().catch(() => undefined); // a rebalance shows in isRunning next time round
        await pause(Math.min(2000, 100 * attempt));
      }
    }
  }

  private count({ stored, late }: StoredBatch): void {
    this.metrics.stored.inc(stored);
    if (late > 0) this.metrics.late.inc(late);
  }

  private deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown): Promise<void> {
    return deadLetterDecision({ publisher: this.publisher, metrics: this.metrics, logger: this.logger }, topic, partition, message, error);
  }
}
