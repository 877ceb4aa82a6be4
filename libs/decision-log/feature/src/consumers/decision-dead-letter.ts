import type { KafkaMessage } from 'kafkajs';
import { isEdictError } from '@edict/core';
import { consumerGroupOf, type KafkaPublisher, sendToDeadLetter } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import type { DecisionLogMetrics } from '../decision-log.metrics';

/** Sends a decision message that cannot be ingested to the topic's DLQ, with the error's code, logged and counted. */
export async function deadLetterDecision(
  deps: { readonly publisher: KafkaPublisher; readonly metrics: DecisionLogMetrics; readonly logger: Logger },
  topic: string, partition: number, message: KafkaMessage, error: unknown,
): Promise<void> {
  const code = isEdictError(error) ? error.code : 'INTERNAL';
  deps.logger.error({ topic, partition, offset: message.offset, code }, 'message dead-lettered');
  await sendToDeadLetter(deps.publisher, {
    topic, partition, offset: message.offset, consumer: consumerGroupOf('decision-log'),
    message: { key: message.key, value: message.value, ...(message.headers ? { headers: message.headers } : {}) },
    error: { code, message: error instanceof Error ? error.message : String(error) },
  });
  deps.metrics.deadLettered.inc({ topic, code });
}
