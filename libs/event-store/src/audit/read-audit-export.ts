import type { EventStore, StoredEvent } from '../port/event-store.port';
import { auditExportMatcher, type AuditExportFilter } from './audit-export-filter';

export interface ReadAuditExportOptions extends AuditExportFilter {
  /** resume: events with a position strictly greater than this (0: from genesis) */
  readonly after: number;
  /** events read per query (keyset pages on position, so memory stays one page) */
  readonly pageSize?: number;
}

/**
 * The audit export as an async sequence, read from the store in keyset pages
 * (`position > last ORDER BY position LIMIT n`, the primary key), so a log of any size is
 * streamed with one page in memory. It ends at the head as it was when the last page was read.
 */
export async function* readAuditExport(store: EventStore, options: ReadAuditExportOptions): AsyncGenerator<StoredEvent> {
  const pageSize = options.pageSize ?? 2000;
  const matches = auditExportMatcher(options);
  let after = options.after;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize, ...(options.categories ? { categories: options.categories } : {}) });
    for (const event of page) if (matches(event)) yield event;
    const tail = page[page.length - 1];
    if (!tail || page.length < pageSize) return;
    after = tail.position;
  }
}
