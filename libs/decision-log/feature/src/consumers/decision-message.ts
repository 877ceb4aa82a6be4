import { cloudEventTypes, type DecisionLogged } from '@edict/contracts';
import { ValidationError } from '@edict/core';
import { assertStorableDecision } from './decision-shape';

type Decision = DecisionLogged['data'];

/** A message as kafkajs hands it over. */
export interface RawKafkaMessage {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
}

const header = (m: RawKafkaMessage, name: string): string | undefined => {
  const v = m.headers?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
};

/**
 * The decision in a binary-mode CloudEvent on `edict.decisions.v1`, read without the CloudEvents
 * SDK (its schema check costs more than the rest of ingest at tens of thousands per second): the
 * required attributes must be present, specversion 1.0, the data a storable DecisionLogged.
 * Another event type is not ours: null. Anything malformed throws a ValidationError (poison).
 */
export function decisionOf(message: RawKafkaMessage): Decision | null {
  const type = header(message, 'ce_type');
  const missing = ['ce_id', 'ce_type', 'ce_source', 'ce_specversion'].filter((h) => !header(message, h));
  if (missing.length > 0) throw new ValidationError('MESSAGING.NOT_A_CLOUDEVENT', `message has no ${missing.join('/')} headers`);
  if (header(message, 'ce_specversion') !== '1.0') throw new ValidationError('MESSAGING.MALFORMED_CLOUDEVENT', 'specversion is not 1.0');
  if (type !== cloudEventTypes.DecisionLogged) return null;
  let data: unknown;
  try {
    data = JSON.parse(message.value?.toString('utf8') ?? 'null');
  } catch (error) {
    throw new ValidationError('MESSAGING.MALFORMED_CLOUDEVENT', `data is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  assertStorableDecision(data);
  return data;
}
