import { Kafka } from 'cloudevents';
import { ValidationError } from '@edict/core';
import type { EdictCloudEvent } from './cloud-event.mapper';

/** A consumed message as Nest's Kafka parser hands it over (headers and value decoded). */
export interface IncomingKafkaMessage {
  readonly key?: string | Buffer | null;
  readonly value?: unknown;
  readonly headers?: Record<string, unknown>;
}

const headerText = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (Array.isArray(value)) return headerText(value[0]);
  return typeof value === 'string' ? value : JSON.stringify(value);
};

// binary mode: the required context attributes travel as headers (CloudEvents Kafka binding §3.2.3)
const REQUIRED_HEADERS = ['ce_id', 'ce_type', 'ce_source', 'ce_specversion'] as const;

/** What the SDK's schema check found wrong (its ValidationError lists them in `errors`). */
const schemaErrors = (error: unknown): string[] => {
  const errors = (error as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e: unknown) => {
    const { instancePath, message } = (e ?? {}) as { instancePath?: unknown; message?: unknown };
    return `${typeof instancePath === 'string' ? instancePath : ''} ${typeof message === 'string' ? message : JSON.stringify(e)}`.trim();
  });
};

/**
 * Reads a binary-mode CloudEvent from a Kafka message. Anything that is not one is a poison
 * message: it throws a non-retriable ValidationError, which the dead-letter filter routes to the DLQ.
 */
export function kafkaToCloudEvent(message: IncomingKafkaMessage): EdictCloudEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  const missing = REQUIRED_HEADERS.filter((name) => !headers[name]);
  if (missing.length > 0) {
    throw new ValidationError('MESSAGING.NOT_A_CLOUDEVENT', `message has no ${missing.join('/')} headers`);
  }
  const raw = message.value;
  const value = typeof raw === 'string' || Buffer.isBuffer(raw) ? raw.toString() : JSON.stringify(raw ?? null);
  try {
    // the binding reads `key` (partitionkey) and `value` beside the base Message fields
    const kafkaMessage = { headers, body: value, value, key: headerText(message.key) ?? '' };
    const event = Kafka.toEvent(kafkaMessage) as EdictCloudEvent | EdictCloudEvent[];
    if (Array.isArray(event)) throw new Error('batched CloudEvents are not supported');
    if (event.specversion !== '1.0') throw new Error(`specversion ${event.specversion} is not 1.0`);
    if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) throw new Error('data is not a JSON object');
    // the binding builds events leniently; an Edict event must be a valid one
    event.validate();
    return event;
  } catch (error) {
    const reason = [error instanceof Error ? error.message : String(error), ...schemaErrors(error)].join('; ');
    throw new ValidationError('MESSAGING.MALFORMED_CLOUDEVENT', `malformed CloudEvent: ${reason}`);
  }
}
