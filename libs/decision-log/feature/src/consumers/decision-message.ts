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

/** A decision read from its message, with the JSON text it was parsed from. */
export interface ReadDecision {
  readonly decision: Decision;
  readonly json: string;
}

type HeaderValue = Buffer | string | undefined;

const header = (m: RawKafkaMessage, name: string): HeaderValue => {
  const v = m.headers?.[name];
  return Array.isArray(v) ? v[0] : v;
};
const present = (v: HeaderValue): boolean => v !== undefined && v.length > 0;
/** Compared as bytes: no string per header per message (the expected values are ASCII, so bytes equal ⇔ text equal). */
const equals = (v: HeaderValue, text: string, bytes: Buffer): boolean =>
  v !== undefined && (typeof v === 'string' ? v === text : v.equals(bytes));

const REQUIRED = ['ce_id', 'ce_type', 'ce_source', 'ce_specversion'];
const SPEC_VERSION = Buffer.from('1.0');
const DECISION_LOGGED = Buffer.from(cloudEventTypes.DecisionLogged);

/**
 * The decision in a binary-mode CloudEvent on `edict.decisions.v1`, read without the CloudEvents
 * SDK (its schema check costs more than the rest of ingest at tens of thousands per second): the
 * required attributes must be present, specversion 1.0, the data a storable DecisionLogged.
 * Another event type is not ours: null. Anything malformed throws a ValidationError (poison).
 * The headers are compared as bytes, not decoded; the value is decoded once, and its text is kept
 * (BatchIngest stores it as is when masking changes nothing).
 */
export function readDecision(message: RawKafkaMessage): ReadDecision | null {
  if (!REQUIRED.every((h) => present(header(message, h)))) {
    const missing = REQUIRED.filter((h) => !present(header(message, h)));
    throw new ValidationError('MESSAGING.NOT_A_CLOUDEVENT', `message has no ${missing.join('/')} headers`);
  }
  if (!equals(header(message, 'ce_specversion'), '1.0', SPEC_VERSION)) throw new ValidationError('MESSAGING.MALFORMED_CLOUDEVENT', 'specversion is not 1.0');
  if (!equals(header(message, 'ce_type'), cloudEventTypes.DecisionLogged, DECISION_LOGGED)) return null;
  const json = message.value?.toString('utf8') ?? 'null';
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ValidationError('MESSAGING.MALFORMED_CLOUDEVENT', `data is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  assertStorableDecision(data);
  return { decision: data, json };
}

/** The decision alone (readDecision). */
export const decisionOf = (message: RawKafkaMessage): Decision | null => readDecision(message)?.decision ?? null;
