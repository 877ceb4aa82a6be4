import { EventStoreDBClient } from '@eventstore/db-client';
import { systemClock } from '@edict/core';
import { invalidEventStoreInput } from '../errors/event-store.errors';
import type {
  AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, StoredEvent, SubscribeOptions, Subscription,
} from '../port/event-store.port';
import { assertExpectedRevision, assertStreamId, prepareNewEvents } from '../validation/append-input.validator';
import { assertFromRevision, assertReadAllOptions } from '../validation/read-options.validator';
import { appendViaLog } from './eventstoredb-append';
import { DEFAULT_LOG_STREAM, type EventStoreDbEventStoreOptions } from './eventstoredb-event-store.options';
import { ensureMaterialized } from './eventstoredb-materialize';
import { readAllFromLog } from './eventstoredb-read-all';
import { readLastRecord, readRecords } from './eventstoredb-reads';
import { subscribeToLog } from './eventstoredb-subscription';

/**
 * The EventStoreDB / KurrentDB adapter. The global log is one ESDB stream (`logStream`) whose
 * revision r is port position r + 1; each event is also copied into its own stream for
 * readStream. UNVERIFIED until run against a server: see docs/event-store.md.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly logStream: string;
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<Subscription>();
  private closing: Promise<void> | undefined;

  constructor(private readonly options: EventStoreDbEventStoreOptions) {
    this.logStream = options.logStream ?? DEFAULT_LOG_STREAM;
    assertStreamId(this.logStream);
    this.client = options.client ?? EventStoreDBClient.connectionString(options.connectionString);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    this.assertAggregateStream(streamId);
    assertExpectedRevision(expected);
    const pending = prepareNewEvents(events, this.options.ids);
    const { client, logStream } = this;
    const ctx = { client, logStream, clock: this.options.clock ?? systemClock, maxAttempts: this.options.maxAppendAttempts ?? 100 };
    return appendViaLog(ctx, streamId, pending, expected);
  }

  async readStream(streamId: string, options: { readonly fromRevision?: number } = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    this.assertAggregateStream(streamId);
    assertFromRevision(options.fromRevision);
    // Only the log's last append can be missing from its stream (its writer died mid-way): finish it.
    const head = await readLastRecord(this.client, this.logStream);
    if (head?.event.streamId === streamId) await ensureMaterialized(this.client, this.logStream, head);
    const records = await readRecords(this.client, streamId, options.fromRevision ?? 0);
    return records.map((r) => r.event);
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    assertReadAllOptions(options);
    return readAllFromLog(this.client, this.logStream, options, this.options.readPageSize ?? 500);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    assertReadAllOptions({ after: options.after, categories: options.categories });
    const subscription = subscribeToLog(this.client, this.logStream, options, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Throws UnavailableError when the server cannot be reached (reads the log head). */
  async ping(): Promise<void> {
    await readLastRecord(this.client, this.logStream);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      if (!this.options.client) await this.client.dispose();
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('EventStoreDbEventStore is closed');
  }

  private assertAggregateStream(streamId: string): void {
    assertStreamId(streamId);
    if (streamId === this.logStream) throw invalidEventStoreInput(`${streamId} is the store's log stream`, { streamId });
  }
}
