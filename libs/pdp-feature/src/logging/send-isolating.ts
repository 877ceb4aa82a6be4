import { isMessageRejection, type KafkaPublisher } from '@edict/messaging/kafka';
import type { SerialisedRecord } from './decision-record.serializer';

export interface IsolatedSend {
  /** records the broker acknowledged */
  readonly sent: number;
  /** records the broker refused on their own (each one sent alone and rejected) */
  readonly rejected: readonly { readonly record: SerialisedRecord; readonly error: string }[];
  /** records not sent because of a transient failure (the broker went away): retry them later */
  readonly unsent: readonly SerialisedRecord[];
  readonly transientError?: unknown;
}

/**
 * Sends a batch; when the broker refuses it because of its messages (one too large, say), halves
 * it until the refused records stand alone, so that the others still go through: O(k log n)
 * sends for k bad records in n. A transient failure stops and hands back what was not sent.
 */
export async function sendIsolating(publisher: KafkaPublisher, topic: string, batch: readonly SerialisedRecord[]): Promise<IsolatedSend> {
  let sent = 0;
  const rejected: { record: SerialisedRecord; error: string }[] = [];
  const todo: (readonly SerialisedRecord[])[] = batch.length > 0 ? [batch] : [];
  while (todo.length > 0) {
    const part = todo.pop()!;
    try {
      await publisher.sendRaw(topic, part.map((r) => r.message));
      sent += part.length;
    } catch (error) {
      if (!isMessageRejection(error)) return { sent, rejected, unsent: [...part, ...todo.reverse().flat()], transientError: error };
      if (part.length === 1) rejected.push({ record: part[0]!, error: error instanceof Error ? error.message : String(error) });
      else {
        const middle = Math.ceil(part.length / 2);
        todo.push(part.slice(middle), part.slice(0, middle)); // the first half is sent first
      }
    }
  }
  return { sent, rejected, unsent: [] };
}
