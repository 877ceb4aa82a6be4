import { NO_STREAM, WrongExpectedVersionError, type EventStoreDBClient } from '@eventstore/db-client';
import { UnavailableError, type Clock } from '@edict/core';
import { chainEvents } from '../chain/chain-events';
import { GENESIS_HASH } from '../chain/hash-chain';
import { EVENT_STORE_ERROR_CODES } from '../errors/event-store-error-codes';
import type { AppendResult, ExpectedRevision } from '../port/event-store.port';
import { checkExpectedRevision, nextRevision } from '../revision/expected-revision';
import type { PendingEvent } from '../validation/pending-event';
import { mapEsdbError } from './eventstoredb-errors';
import { ensureMaterialized, materialize } from './eventstoredb-materialize';
import { readLastRecord } from './eventstoredb-reads';
import { logCopyId, toEsdbEvent } from './eventstoredb-record';

export interface EsdbAppendContext {
  readonly client: EventStoreDBClient;
  readonly logStream: string;
  readonly clock: Clock;
  readonly maxAttempts: number;
}

const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));

/**
 * Appends through the log stream, which is the serialisation point (ESDB has no multi-stream
 * transaction). 1. read the log head and finish its append if its writer died; 2. check the
 * expected revision against the stream; 3. chain the events on the head; 4. append them to the
 * log with expected revision = head: the commit point, and the race: a loser starts over;
 * 5. copy them into their own stream. Between 1 and 4 nobody can change the stream unnoticed:
 * every writer goes through step 4, so a change would have moved the log head first.
 */
export async function appendViaLog(
  ctx: EsdbAppendContext,
  streamId: string,
  events: readonly PendingEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const { client, logStream } = ctx;
  for (let attempt = 1; attempt <= ctx.maxAttempts; attempt++) {
    const head = await readLastRecord(client, logStream);
    if (head) await ensureMaterialized(client, logStream, head);
    const current = (await readLastRecord(client, streamId))?.event.revision;
    checkExpectedRevision(streamId, expected, current);
    const stored = chainEvents({
      head: head ? { position: head.event.position, hash: head.event.hash } : { position: 0, hash: GENESIS_HASH },
      streamId,
      firstRevision: nextRevision(current),
      recordedAt: ctx.clock.now().toISOString(),
      events,
    });
    const start = stored[0]?.position ?? 0;
    try {
      await client.appendToStream(logStream, stored.map((e) => toEsdbEvent(e, start, logCopyId(e.eventId))), {
        expectedRevision: head ? BigInt(head.event.position - 1) : NO_STREAM,
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        await backoff(attempt);
        continue;
      }
      throw mapEsdbError(error, 'append');
    }
    // Committed. If copying fails now, the error reaches the caller as an unknown outcome (like a
    // lost COMMIT reply), and the next append or readStream of the stream finishes the copy.
    await materialize(client, stored);
    const last = stored[stored.length - 1];
    if (!last) throw new Error('append produced no events');
    return { revision: last.revision, position: last.position, events: stored };
  }
  throw new UnavailableError(EVENT_STORE_ERROR_CODES.unavailable, `gave up after ${ctx.maxAttempts} attempts to claim the log head`, { streamId });
}
