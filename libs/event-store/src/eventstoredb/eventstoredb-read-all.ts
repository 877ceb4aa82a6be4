import type { EventStoreDBClient } from '@eventstore/db-client';
import { categoryMatcher } from '../category/stream-category';
import type { ReadAllOptions, StoredEvent } from '../port/event-store.port';
import { readRecords } from './eventstoredb-reads';

/**
 * The global log after a position: the log stream from revision `after` (position after + 1),
 * page by page, the categories filter applied here since one stream holds them all.
 */
export async function readAllFromLog(
  client: EventStoreDBClient,
  logStream: string,
  options: ReadAllOptions,
  pageSize: number,
): Promise<StoredEvent[]> {
  const matches = categoryMatcher(options.categories);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const found: StoredEvent[] = [];
  for (let revision = options.after; found.length < limit; revision += pageSize) {
    const page = await readRecords(client, logStream, revision, pageSize);
    for (const record of page) {
      // The mapping position = revision + 1 is what makes positions gap-free: check it holds.
      if (record.esdbRevision !== record.event.position - 1) {
        throw new Error(`log stream ${logStream} holds position ${record.event.position} at revision ${record.esdbRevision}`);
      }
      if (matches(record.event.streamId) && found.length < limit) found.push(record.event);
    }
    if (page.length < pageSize) break;
  }
  return found;
}
