import type { EventStore, ReadAllOptions } from '../port/event-store.port';

/** A page of the global log printed as export lines (see ExportLineSource). */
export interface ExportLinePage {
  /** the lines, each `JSON.stringify(storedEvent)` followed by `\n` ('' for an empty page) */
  readonly text: string;
  readonly count: number;
  /** the position of the page's last event (the `after` of the next page); undefined when empty */
  readonly lastPosition: number | undefined;
}

/**
 * An optional capability of a store (the Postgres adapter has it): the global log printed as
 * NDJSON by the store itself, byte for byte what `JSON.stringify` of each event from readAll
 * would give, without building the event objects. The audit export uses it when it can.
 */
export interface ExportLineSource {
  readAllExportLines(options: ReadAllOptions & { readonly limit: number }): Promise<ExportLinePage>;
}

export const isExportLineSource = (store: EventStore): store is EventStore & ExportLineSource =>
  typeof (store as Partial<ExportLineSource>).readAllExportLines === 'function';
