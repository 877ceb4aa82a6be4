import { ValidationError } from '@edict/core';
import type { StoredEvent } from '@edict/event-store';
import { cloudEventToKafka, storedToCloudEvent } from './cloud-event.mapper';
import { kafkaToCloudEvent, type IncomingKafkaMessage } from './kafka-to-cloud-event';

const SOURCE = '/edict/authoring';
const stored = (extra: Partial<StoredEvent> = {}): StoredEvent => ({
  eventId: '5f0c7d1e-8f43-4c1f-9a57-2f4a0c3e9b11',
  streamId: 'bundle-org/baseline',
  revision: 2,
  position: 17,
  type: 'BundleSubmitted',
  data: { policyId: 'org/baseline', version: '1.0.0', digest: `sha256:${'a'.repeat(64)}`, submittedBy: 'alice', submittedAt: '2025-03-01T09:59:59.000Z' },
  metadata: { correlationId: 'corr-1', causationId: 'cause-1', actor: 'alice' },
  recordedAt: '2025-03-01T10:00:00.000Z',
  hash: 'ab'.repeat(32),
  previousHash: '0'.repeat(64),
  ...extra,
});

/** The message as kafkajs hands it to a consumer: key, value and headers as Buffers. */
const asConsumed = (message: ReturnType<typeof cloudEventToKafka>): IncomingKafkaMessage => ({
  key: Buffer.from(message.key),
  value: Buffer.from(message.value),
  headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)])),
});

describe('storedToCloudEvent', () => {
  it('maps a stored event: id, type, source, time, subject, partition key and Edict extensions', () => {
    const ce = storedToCloudEvent(stored(), SOURCE);
    expect({ ...ce }).toEqual({
      specversion: '1.0',
      id: '5f0c7d1e-8f43-4c1f-9a57-2f4a0c3e9b11',
      type: 'io.edict.bundle.submitted.v1',
      source: SOURCE,
      time: '2025-03-01T10:00:00.000Z',
      datacontenttype: 'application/json',
      subject: 'org/baseline',
      partitionkey: 'org/baseline',
      streamid: 'bundle-org/baseline',
      position: '17',
      revision: '2',
      hash: 'ab'.repeat(32),
      correlationid: 'corr-1',
      causationid: 'cause-1',
      actor: 'alice',
      data: stored().data,
    });
  });

  it.each([
    ['the incident id on an incident stream', 'incident-INC-1', 'RollbackRequested', { incidentId: 'INC-1', policyId: 'org/baseline', version: '1.1.0' }, 'INC-1'],
    ['the policy id on a rollout stream, even beside an incident id', 'rollout-org/baseline', 'BundleRolledBack', { policyId: 'org/baseline', incidentId: 'INC-1' }, 'org/baseline'],
    ['the key id on the keyring', 'keyring', 'SigningKeyRetired', { kid: 'k1', retiredAt: '2025-03-01T10:00:00.000Z' }, 'k1'],
  ])('takes the subject and partition key from %s', (_what, streamId, type, data, subject) => {
    expect(storedToCloudEvent(stored({ streamId, type, data }), SOURCE)).toMatchObject({ subject, partitionkey: subject });
  });

  it('keys by stream id when the data names no policy, incident or key, and leaves out absent metadata', () => {
    const ce = storedToCloudEvent(stored({ data: { note: 'no subject' }, metadata: {} }), SOURCE);
    expect(ce.subject).toBeUndefined();
    expect(ce['partitionkey']).toBe('bundle-org/baseline');
    expect(ce).not.toHaveProperty('correlationid');
    expect(ce).not.toHaveProperty('causationid');
    expect(ce).not.toHaveProperty('actor');
  });

  it('refuses an event type that has no CloudEvents type', () => {
    const run = (): unknown => storedToCloudEvent(stored({ type: 'SomethingHappened' }), SOURCE);
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(expect.objectContaining({ code: 'MESSAGING.UNKNOWN_EVENT_TYPE' }));
  });
});

describe('cloudEventToKafka', () => {
  it('writes binary mode: ce_* headers for every attribute and extension, the JSON data as value, the partition key as key', () => {
    const message = cloudEventToKafka(storedToCloudEvent(stored(), SOURCE));
    expect(message.key).toBe('org/baseline');
    expect(JSON.parse(message.value)).toEqual(stored().data);
    expect(message.headers).toEqual({
      'content-type': 'application/json',
      ce_specversion: '1.0',
      ce_id: '5f0c7d1e-8f43-4c1f-9a57-2f4a0c3e9b11',
      ce_type: 'io.edict.bundle.submitted.v1',
      ce_source: SOURCE,
      ce_time: '2025-03-01T10:00:00.000Z',
      ce_datacontenttype: 'application/json',
      ce_subject: 'org/baseline',
      ce_partitionkey: 'org/baseline',
      ce_streamid: 'bundle-org/baseline',
      ce_position: '17',
      ce_revision: '2',
      ce_hash: 'ab'.repeat(32),
      ce_correlationid: 'corr-1',
      ce_causationid: 'cause-1',
      ce_actor: 'alice',
    });
  });
});

describe('kafkaToCloudEvent', () => {
  const original = storedToCloudEvent(stored(), SOURCE);

  it('round-trips a stored event through the Kafka binding unchanged', () => {
    const back = kafkaToCloudEvent(asConsumed(cloudEventToKafka(original)));
    expect({ ...back }).toEqual({ ...original });
  });

  it('reads the message as the Nest transport hands it over too (headers as text, value as text)', () => {
    const message = cloudEventToKafka(original);
    expect({ ...kafkaToCloudEvent({ key: message.key, value: message.value, headers: message.headers }) }).toEqual({ ...original });
  });

  const valid = cloudEventToKafka(original);
  const withHeaders = (headers: Record<string, string | undefined>, value: unknown = valid.value): IncomingKafkaMessage => ({
    key: valid.key,
    value,
    headers: Object.fromEntries(Object.entries({ ...valid.headers, ...headers }).filter(([, v]) => v !== undefined)),
  });

  it.each<[string, IncomingKafkaMessage]>([
    ['no headers at all', { value: valid.value }],
    ['no ce_id', withHeaders({ ce_id: undefined })],
    ['no ce_type', withHeaders({ ce_type: undefined })],
    ['no ce_source', withHeaders({ ce_source: undefined })],
    ['no ce_specversion', withHeaders({ ce_specversion: undefined })],
    ['an empty ce_id', withHeaders({ ce_id: '' })],
  ])('refuses %s as MESSAGING.NOT_A_CLOUDEVENT', (_what, message) => {
    expect(() => kafkaToCloudEvent(message)).toThrow(expect.objectContaining({ code: 'MESSAGING.NOT_A_CLOUDEVENT', status: 400, retriable: false }));
    expect(() => kafkaToCloudEvent(message)).toThrow(ValidationError);
  });

  it.each<[string, IncomingKafkaMessage]>([
    ['a value that is not JSON', withHeaders({}, '{"policyId": ')],
    ['an empty value', withHeaders({}, '')],
    ['a null value', withHeaders({}, null)],
    ['a JSON number', withHeaders({}, '42')],
    ['a JSON string', withHeaders({}, '"org/baseline"')],
    ['a JSON array', withHeaders({}, '[{"policyId":"org/baseline"}]')],
    ['a value of another content type', withHeaders({ 'content-type': 'text/plain' })],
    ['another spec version', withHeaders({ ce_specversion: '0.3' })],
    ['a time that is not a time', withHeaders({ ce_time: 'yesterday' })],
    ['an empty subject', withHeaders({ ce_subject: '' })],
    ['an extension name CloudEvents forbids', withHeaders({ 'ce_Stream-Id': 'x' })],
  ])('refuses %s as MESSAGING.MALFORMED_CLOUDEVENT', (_what, message) => {
    expect(() => kafkaToCloudEvent(message)).toThrow(expect.objectContaining({ code: 'MESSAGING.MALFORMED_CLOUDEVENT', status: 400, retriable: false }));
    expect(() => kafkaToCloudEvent(message)).toThrow(ValidationError);
  });
});
