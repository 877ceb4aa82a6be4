import { BACKWARDS, END, FORWARDS, StreamNotFoundError, type EventStoreDBClient } from '@eventstore/db-client';
import { fromEsdbEvent, type EsdbRecord } from './eventstoredb-record';
import { mapEsdbError } from './eventstoredb-errors';

/** Events of a stream from a revision, forwards; [] when the stream does not exist. */
export async function readRecords(
  client: EventStoreDBClient,
  stream: string,
  fromRevision: number,
  maxCount?: number,
): Promise<EsdbRecord[]> {
  const records: EsdbRecord[] = [];
  try {
    const read = client.readStream(stream, { fromRevision: BigInt(fromRevision), direction: FORWARDS, maxCount: maxCount ?? Number.MAX_SAFE_INTEGER });
    for await (const resolved of read) records.push(fromEsdbEvent(resolved));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw mapEsdbError(error, `read ${stream}`);
  }
  return records;
}

/** The last event of a stream, or undefined when it has none. */
export async function readLastRecord(client: EventStoreDBClient, stream: string): Promise<EsdbRecord | undefined> {
  try {
    for await (const resolved of client.readStream(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) {
      return fromEsdbEvent(resolved);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw mapEsdbError(error, `read ${stream}`);
  }
  return undefined;
}
