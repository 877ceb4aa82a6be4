import type { EventStore, StoredEvent } from '../port/event-store.port';
import { auditExportMatcher, type AuditExportFilter } from './audit-export-filter';
import { prefetchedPages } from './prefetched-pages';

export interface ReadAuditExportOptions extends AuditExportFilter {
  /** resume: events with a position strictly greater than this (0: from genesis) */
  readonly after: number;
  /** events read per query (keyset pages on position, so memory stays one page) */
  readonly pageSize?: number;
}

/**
 * The audit export as an async sequence, read from the store in keyset pages
 * (`position > last ORDER BY position LIMIT n`, the primary key; 10,000 events by default), so a
 * log of any size is streamed with at most two pages in memory: the next page is requested as
 * soon as a page arrives, so the store reads it while this one is serialised. It ends at the
 * head as it was when the last page was read.
 */
export async function* readAuditExport(store: EventStore, options: ReadAuditExportOptions): AsyncGenerator<StoredEvent> {
  const pageSize = options.pageSize ?? 10_000;
  const matches = auditExportMatcher(options);
  const read = (after: number): Promise<StoredEvent[]> => store.readAll({ after, limit: pageSize, ...(options.categories ? { categories: options.categories } : {}) });
  const after = (page: StoredEvent[]): number | undefined => (page.length >= pageSize ? page[page.length - 1]?.position : undefined);
  for await (const page of prefetchedPages(read, options.after, after)) {
    for (const event of page) if (matches(event)) yield event;
  }
}
