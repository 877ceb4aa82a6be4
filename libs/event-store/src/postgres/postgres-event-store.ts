import { Pool } from 'pg';
import type {
  AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, StoredEvent, SubscribeOptions, Subscription,
} from '../port/event-store.port';
import { pollingSubscription } from '../subscription/polling-subscription';
import { WakeSignal } from '../subscription/wake-signal';
import { assertExpectedRevision, assertStreamId, prepareNewEvents } from '../validation/append-input.validator';
import { assertFromRevision, assertReadAllOptions } from '../validation/read-options.validator';
import type { ExportLinePage, ExportLineSource } from '../audit/export-line-source';
import { appendToPostgres } from './postgres-append';
import type { PostgresEventStoreOptions } from './postgres-event-store.options';
import { migrateEventStore } from './postgres-migrator';
import { notifierApplicationName, PostgresNotifier } from './postgres-notifier';
import { readExportLineRows } from './postgres-export-lines';
import { readAllRows, readStreamRows } from './postgres-reads';
import { schemaNames, type PostgresSchemaNames } from './postgres-schema';
import { query } from './postgres-transaction';

/**
 * The default EventStore adapter (ARCHITECTURE.md "Event sourcing"). Migrates its schema on
 * start(); every operation waits for that, so a store used before start() starts itself.
 * Prefer createPostgresEventStore(), which starts it and surfaces migration errors at once.
 */
export class PostgresEventStore implements EventStore, ExportLineSource {
  readonly names: PostgresSchemaNames;
  private readonly pool: Pool;
  private readonly signal = new WakeSignal();
  private readonly notifier: PostgresNotifier;
  private readonly subscriptions = new Set<Subscription>();
  private started: Promise<void> | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.names = schemaNames(options.schema);
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
      keepAlive: true,
      application_name: 'edict-event-store',
    });
    // An idle pooled connection that breaks emits 'error' on the pool (and would crash the process
    // without a listener). The pool drops that connection itself; the next query reports the outage.
    this.pool.on('error', () => undefined);
    this.notifier = new PostgresNotifier(options.connectionString, this.names.channel, this.signal, notifierApplicationName(this.names.schema));
  }

  /** Applies pending migrations (once per store; concurrent starts across processes are safe). */
  start(): Promise<void> {
    // A failed start is forgotten, so that the next operation tries again once the database is back.
    this.started ??= migrateEventStore(this.pool, this.names).then(
      () => undefined,
      (error: unknown) => {
        this.started = undefined;
        throw error;
      },
    );
    return this.started;
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    assertStreamId(streamId);
    assertExpectedRevision(expected);
    const pending = prepareNewEvents(events, this.options.ids);
    await this.ready();
    return appendToPostgres({ pool: this.pool, names: this.names, clock: this.options.clock }, streamId, pending, expected);
  }

  async readStream(streamId: string, options: { readonly fromRevision?: number } = {}): Promise<StoredEvent[]> {
    assertStreamId(streamId);
    assertFromRevision(options.fromRevision);
    await this.ready();
    return readStreamRows(this.pool, this.names, streamId, options.fromRevision);
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    assertReadAllOptions(options);
    await this.ready();
    return readAllRows(this.pool, this.names, options);
  }

  /** readAll printed as export lines by the database (ExportLineSource; the audit export's path). */
  async readAllExportLines(options: ReadAllOptions & { readonly limit: number }): Promise<ExportLinePage> {
    assertReadAllOptions(options);
    await this.ready();
    return readExportLineRows(this.pool, this.names, options);
  }

  subscribe(options: SubscribeOptions): Subscription {
    assertReadAllOptions({ after: options.after, categories: options.categories });
    const subscription = pollingSubscription({
      ...options,
      signal: this.signal,
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      read: async (after, limit) => {
        await this.ready();
        await this.notifier.ensureStarted();
        return readAllRows(this.pool, this.names, { after, limit, categories: options.categories });
      },
      onSettled: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Throws UnavailableError (`EVENT_STORE.UNAVAILABLE`) when the database cannot be reached. */
  async ping(): Promise<void> {
    await query(this.pool, 'ping', 'SELECT 1');
  }

  /** Stops subscriptions (waiting for in-flight deliveries), then closes every connection. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      await this.notifier.close();
      await this.pool.end();
    })();
    return this.closing;
  }

  private async ready(): Promise<void> {
    if (this.closing) throw new Error('PostgresEventStore is closed');
    await this.start();
  }
}
