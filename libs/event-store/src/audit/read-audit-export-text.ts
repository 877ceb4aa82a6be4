import type { EventStore } from '../port/event-store.port';
import { isExportLineSource, type ExportLinePage, type ExportLineSource } from './export-line-source';
import { prefetchedPages } from './prefetched-pages';
import { readAuditExport, type ReadAuditExportOptions } from './read-audit-export';

const CHUNK = 64 * 1024;

/** The store prints the lines itself: pages of `pageSize`, the next one asked for while this one is written. */
async function* linesFromSource(store: ExportLineSource, options: ReadAuditExportOptions, pageSize: number): AsyncGenerator<string> {
  const read = (after: number): Promise<ExportLinePage> => store.readAllExportLines({ after, limit: pageSize, ...(options.categories ? { categories: options.categories } : {}) });
  const after = (page: ExportLinePage): number | undefined => (page.count >= pageSize ? page.lastPosition : undefined);
  for await (const page of prefetchedPages(read, options.after, after)) {
    if (page.text !== '') yield page.text;
  }
}

/** Any store, any filter: the events of readAuditExport, one JSON.stringify line each, in chunks of about 64 KiB. */
async function* linesFromEvents(store: EventStore, options: ReadAuditExportOptions): AsyncGenerator<string> {
  let buffer = '';
  for await (const event of readAuditExport(store, options)) {
    buffer += `${JSON.stringify(event)}\n`;
    if (buffer.length < CHUNK) continue;
    yield buffer;
    buffer = '';
  }
  if (buffer !== '') yield buffer;
}

/**
 * The audit export as NDJSON text, in chunks of whole lines: each line is `JSON.stringify` of a
 * StoredEvent, whichever path printed it. A store that prints lines itself (ExportLineSource:
 * Postgres) serves exports filtered at most by category, in pages (10,000 lines, about 4 MB, by
 * default) without building event objects; a filter by policy or time, or another store, goes
 * through readAuditExport's events.
 */
export function readAuditExportText(store: EventStore, options: ReadAuditExportOptions): AsyncGenerator<string> {
  const byContent = options.policyId !== undefined || options.since !== undefined || options.until !== undefined;
  if (!byContent && isExportLineSource(store)) return linesFromSource(store, options, options.pageSize ?? 10_000);
  return linesFromEvents(store, options);
}
