import { dlqTopic } from '@edict/contracts';
import type { KafkaPublisher } from '../kafka/kafka-publisher';
import type { IncomingKafkaMessage } from '../cloudevents/kafka-to-cloud-event';

export interface DeadLetterInput {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly message: IncomingKafkaMessage;
  readonly consumer: string;
  readonly error: { readonly code: string; readonly message: string };
}

const asText = (value: unknown): string =>
  value === undefined || value === null ? '' : Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * Sends a message that cannot be processed to `<topic>.dlq`, unchanged, with the error and its
 * origin in `edict_dlq_*` headers, so that it can be inspected and replayed.
 */
export async function sendToDeadLetter(publisher: KafkaPublisher, input: DeadLetterInput): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.message.headers ?? {})) headers[name] = asText(value);
  Object.assign(headers, {
    edict_dlq_error_code: input.error.code,
    edict_dlq_error_message: input.error.message.slice(0, 2000),
    edict_dlq_source_topic: input.topic,
    edict_dlq_source_partition: String(input.partition),
    edict_dlq_source_offset: input.offset,
    edict_dlq_consumer: input.consumer,
  });
  const key = input.message.key === undefined || input.message.key === null ? null : asText(input.message.key);
  const { value } = input.message;
  // the bytes as consumed (a tombstone stays one): a replay must see exactly what failed
  const original = Buffer.isBuffer(value) || value === null || value === undefined ? (value ?? null) : asText(value);
  await publisher.sendRaw(dlqTopic(input.topic), [{ key, value: original, headers }]);
}
