import { EventEmitter } from 'node:events';
import {
  ANY, BACKWARDS, END, NO_STREAM, START, STREAM_EXISTS, StreamNotFoundError, WrongExpectedVersionError,
  type AppendExpectedRevision, type AppendResult, type EventData, type ReadRevision, type ResolvedEvent,
} from '@eventstore/db-client';

type Recorded = NonNullable<ResolvedEvent['event']>;

/** Lets other calls run in between, as a network round trip would. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * An in-memory stand-in for the part of EventStoreDBClient the adapter uses, with ESDB's
 * semantics as documented: atomic appends with expected revision (and idempotent re-appends of
 * the same ids), StreamNotFoundError on reading a missing stream, catch-up subscriptions that
 * start after the revision given. Data goes through JSON as the real client sends bytes. Tests only:
 * it proves the adapter's protocol, not that a real server behaves like this.
 */
export class FakeEsdbClient {
  private readonly streams = new Map<string, Recorded[]>();
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly failures = new Map<string, Error>();

  /** The next append to `stream` fails with `error` before writing (simulates a crash or outage). */
  failNextAppendTo(stream: string, error: Error): void {
    this.failures.set(stream, error);
  }

  async appendToStream(streamName: string, events: EventData | EventData[], options: { expectedRevision?: AppendExpectedRevision } = {}): Promise<AppendResult> {
    await tick();
    const failure = this.failures.get(streamName);
    if (failure) {
      this.failures.delete(streamName);
      throw failure;
    }
    const list = Array.isArray(events) ? events : [events];
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const expected = options.expectedRevision ?? ANY;
    const nextExpectedRevision = BigInt(stream.length - 1);
    if (this.isIdempotentRepeat(stream, expected, list)) return { success: true, nextExpectedRevision };
    const ok = expected === ANY || (expected === NO_STREAM && stream.length === 0) || (expected === STREAM_EXISTS && stream.length > 0) || expected === current;
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
    for (const e of list) {
      stream.push({
        streamId: streamName, id: e.id, revision: BigInt(stream.length), type: e.type, isJson: true, created: new Date(),
        data: JSON.parse(JSON.stringify(e.data)) as never,
        metadata: JSON.parse(JSON.stringify(e.metadata ?? {})) as never,
      });
    }
    this.streams.set(streamName, stream);
    this.appended.emit('append', streamName);
    return { success: true, nextExpectedRevision: BigInt(stream.length - 1) };
  }

  async *readStream(streamName: string, options: { fromRevision?: ReadRevision; direction?: string; maxCount?: number | bigint } = {}): AsyncGenerator<ResolvedEvent> {
    await tick();
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(undefined, streamName);
    const { fromRevision = START, direction, maxCount = Number.MAX_SAFE_INTEGER } = options;
    const slice = direction === BACKWARDS
      ? stream.slice(0, fromRevision === END ? stream.length : Number(fromRevision) + 1).reverse()
      : stream.slice(fromRevision === START ? 0 : Number(fromRevision));
    for (const event of slice.slice(0, Number(maxCount))) yield { event };
  }

  subscribeToStream(streamName: string, options: { fromRevision?: ReadRevision } = {}): AsyncIterable<ResolvedEvent> & { unsubscribe(): Promise<void> } {
    const { fromRevision = START } = options;
    let next = fromRevision === START ? 0 : Number(fromRevision) + 1;
    let stopped = false;
    let wake: () => void = () => undefined;
    const onAppend = (name: string): void => (name === streamName ? wake() : undefined);
    this.appended.on('append', onAppend);
    const streams = this.streams;
    const appended = this.appended;
    return {
      async *[Symbol.asyncIterator]() {
        try {
          while (!stopped) {
            const stream = streams.get(streamName) ?? [];
            const event = stream[next];
            if (event) {
              next += 1;
              yield { event };
            } else await new Promise<void>((resolve) => (wake = resolve));
          }
        } finally {
          appended.off('append', onAppend);
        }
      },
      unsubscribe: () => {
        stopped = true;
        wake();
        return Promise.resolve();
      },
    };
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }

  private isIdempotentRepeat(stream: Recorded[], expected: AppendExpectedRevision, list: EventData[]): boolean {
    const start = expected === NO_STREAM ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : -1;
    if (start < 0 || start + list.length > stream.length || start === stream.length) return false;
    return list.every((e, i) => stream[start + i]?.id === e.id);
  }
}
