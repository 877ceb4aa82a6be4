import { CloudEvent, Kafka } from 'cloudevents';
import { categoryOf, cloudEventTypes, type EdictEventType } from '@edict/contracts';
import { ValidationError } from '@edict/core';
import type { StoredEvent } from '@edict/event-store';

/** An Edict event on the wire: CloudEvents 1.0, JSON data, Edict's extension attributes. */
export type EdictCloudEvent = CloudEvent<Record<string, unknown>>;

/** What kafkajs sends: binary-mode CloudEvents (ce_* headers, the data as the JSON value). */
export interface OutgoingKafkaMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/**
 * The subject and Kafka key: the incident id on the incidents topic, else the policy id (the
 * topic table's keys), else the key id for keyring events.
 */
const subjectOf = (streamId: string, data: Record<string, unknown>): string | undefined => {
  const fields = categoryOf(streamId) === 'incident' ? ['incidentId'] : ['policyId', 'kid'];
  for (const field of fields) {
    if (typeof data[field] === 'string') return data[field];
  }
  return undefined;
};

/** The CloudEvent for a stored event: id = event id, subject = policy or incident id. */
export function storedToCloudEvent(event: StoredEvent, source: string): EdictCloudEvent {
  const ceType = cloudEventTypes[event.type as EdictEventType] as string | undefined;
  if (!ceType) throw new ValidationError('MESSAGING.UNKNOWN_EVENT_TYPE', `no CloudEvents type for '${event.type}'`);
  const data = event.data as Record<string, unknown>;
  const subject = subjectOf(event.streamId, data);
  return new CloudEvent({
    id: event.eventId,
    type: ceType,
    source,
    time: event.recordedAt,
    datacontenttype: 'application/json',
    data,
    ...(subject ? { subject, partitionkey: subject } : { partitionkey: event.streamId }),
    streamid: event.streamId,
    position: String(event.position),
    revision: String(event.revision),
    hash: event.hash,
    ...(event.metadata.correlationId ? { correlationid: event.metadata.correlationId } : {}),
    ...(event.metadata.causationId ? { causationid: event.metadata.causationId } : {}),
    ...(typeof event.metadata.actor === 'string' ? { actor: event.metadata.actor } : {}),
    // the CloudEvents distributed-tracing extension: the trace the event was appended in
    ...(typeof event.metadata['traceparent'] === 'string' ? { traceparent: event.metadata['traceparent'] } : {}),
  });
}

/** Serialises a CloudEvent with the Kafka protocol binding, binary mode. */
export function cloudEventToKafka(ce: EdictCloudEvent): OutgoingKafkaMessage {
  const message = Kafka.binary(ce);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  const key = typeof ce['partitionkey'] === 'string' ? ce['partitionkey'] : ce.id;
  return { key, value: JSON.stringify(ce.data ?? null), headers };
}
