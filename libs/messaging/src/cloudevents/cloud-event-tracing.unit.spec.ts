import type { StoredEvent } from '@edict/event-store';
import { cloudEventToKafka, storedToCloudEvent } from './cloud-event.mapper';
import { kafkaToCloudEvent } from './kafka-to-cloud-event';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const stored = (metadata: StoredEvent['metadata']): StoredEvent => ({
  eventId: '5f0c7d1e-8f43-4c1f-9a57-2f4a0c3e9b11',
  streamId: 'bundle-org/baseline',
  revision: 2,
  position: 17,
  type: 'BundleApproved',
  data: { policyId: 'org/baseline', version: '1.0.0' },
  metadata,
  recordedAt: '2025-03-01T10:00:00.000Z',
  hash: 'ab'.repeat(32),
  previousHash: '0'.repeat(64),
});

describe('the trace context on the wire (CloudEvents distributed-tracing extension)', () => {
  it('carries the traceparent stored with the event as the ce_traceparent header, and reads it back', () => {
    const message = cloudEventToKafka(storedToCloudEvent(stored({ actor: 'bob', traceparent: TRACEPARENT }), '/edict/authoring'));
    expect(message.headers['ce_traceparent']).toBe(TRACEPARENT);
    const consumed = kafkaToCloudEvent({ key: message.key, value: Buffer.from(message.value), headers: message.headers });
    expect(consumed['traceparent']).toBe(TRACEPARENT);
    expect(consumed.data).toEqual({ policyId: 'org/baseline', version: '1.0.0' });
  });

  it('adds nothing for an event appended without tracing: the message is the same as before', () => {
    const message = cloudEventToKafka(storedToCloudEvent(stored({ actor: 'bob' }), '/edict/authoring'));
    expect(Object.keys(message.headers).filter((name) => name.includes('trace'))).toEqual([]);
  });
});
