import { Kafka } from 'cloudevents';
import type { EdictCloudEvent, RawKafkaMessage } from '@edict/messaging/kafka';

/** A decision record on its way to the topic: the event, and its bytes once serialised. */
export interface SerialisedRecord {
  readonly event: EdictCloudEvent;
  readonly message: RawKafkaMessage & { readonly key: string; readonly value: string };
}

export type SerialiseOutcome = { readonly ok: true; readonly record: SerialisedRecord } | { readonly ok: false; readonly event: EdictCloudEvent; readonly error: string };

// JSON.stringify writes NaN and ±Infinity as null: the topic would hold another decision than the
// one made, and a replay could not reproduce it. Refuse instead.
const finiteOnly = (_key: string, value: unknown): unknown => {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`a number that is not finite (${value}) cannot be logged as JSON`);
  if (typeof value === 'bigint') throw new TypeError('a BigInt cannot be logged as JSON');
  return value;
};

/** The Kafka headers of an event's attributes (binary mode), as the publisher writes them. */
export function attributeHeaders(event: EdictCloudEvent): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(Kafka.binary(event).headers)) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  return headers;
}

/**
 * Serialises one decision record as the publisher would (binary-mode CloudEvent, JSON data),
 * never throwing: a record that cannot become JSON (too deep, a cycle, a BigInt, a number that
 * is not finite) is an outcome, so that one bad record cannot stop the batch.
 */
export function serialiseRecord(event: EdictCloudEvent): SerialiseOutcome {
  try {
    const value = JSON.stringify(event.data ?? null, finiteOnly);
    const key = typeof event['partitionkey'] === 'string' ? event['partitionkey'] : event.id;
    return { ok: true, record: { event, message: { key, value, headers: attributeHeaders(event) } } };
  } catch (error) {
    return { ok: false, event, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
