import { dlqTopic, Topics } from '@edict/contracts';
import { isMessageRejection, type KafkaPublisher, type RawKafkaMessage } from '@edict/messaging/kafka';
import { decisionHeaders, type PendingDecision } from './decision-record.serializer';

/** Why a decision record did not reach `edict.decisions.v1`: the metric label and the DLQ error code. */
export type PoisonReason = 'unserialisable' | 'rejected';

const CODES: Readonly<Record<PoisonReason, string>> = {
  unserialisable: 'PDP.DECISION_UNSERIALISABLE',
  rejected: 'MESSAGING.MESSAGE_REJECTED',
};

export interface PoisonRecord {
  readonly pending: PendingDecision;
  readonly reason: PoisonReason;
  readonly error: string;
  /** the serialised value, when there is one (a record the broker refused) */
  readonly value?: string;
}

/**
 * Sends a decision record that cannot reach the decisions topic to its `.dlq`, keyed by decision
 * id, with the decision's CloudEvent attributes as `ce_*` headers and the `edict_dlq_*` headers of
 * messaging's dead-letter.ts (producer side: `edict_dlq_producer` instead of a consumer and an
 * offset). The value is the serialised record; when there is none, or the broker refuses it
 * too (too large), the message goes without it, so the attributes and the error still arrive.
 */
export async function deadLetterDecision(publisher: KafkaPublisher, source: string, producer: string, poison: PoisonRecord): Promise<void> {
  const headers: Record<string, string> = {
    ...decisionHeaders(source, poison.pending),
    edict_dlq_error_code: CODES[poison.reason],
    edict_dlq_error_message: poison.error.slice(0, 2000),
    edict_dlq_source_topic: Topics.decisions,
    edict_dlq_producer: producer,
  };
  const message = (value: string | null): RawKafkaMessage => ({ key: poison.pending.decision.decisionId, value, headers });
  const topic = dlqTopic(Topics.decisions);
  if (poison.value === undefined) return publisher.sendRaw(topic, [message(null)]);
  try {
    await publisher.sendRaw(topic, [message(poison.value)]);
  } catch (error) {
    if (!isMessageRejection(error)) throw error;
    await publisher.sendRaw(topic, [{ ...message(null), headers: { ...headers, edict_dlq_value_dropped: String(poison.value.length) } }]);
  }
}
