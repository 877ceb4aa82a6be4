import { foldEvents, isEdictError, type Command, type Decider, type DomainEvent } from '@edict/core';
import type { EventMetadata, EventStore, StoredEvent } from '@edict/event-store';

export interface DecideAndAppendOptions {
  readonly metadata?: EventMetadata;
  /** how often a command is re-decided after another writer got in first */
  readonly maxAttempts?: number;
}

/**
 * The command side of every aggregate: read the stream, fold it, decide, append with the
 * revision that was read. A concurrent writer makes the append fail with
 * EVENT_STORE.WRONG_EXPECTED_REVISION; the command is then decided again on fresh state.
 * Returns the events appended (none when the decider found nothing to do).
 */
export async function decideAndAppend<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C | ((state: S) => C),
  options: DecideAndAppendOptions = {},
): Promise<StoredEvent[]> {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    const state = foldEvents(decider, history.map((e) => ({ type: e.type, data: e.data }) as E));
    const resolved = typeof command === 'function' ? command(state) : command;
    const events = decider.decide(resolved, state);
    if (events.length === 0) return [];
    const expected = history.length === 0 ? 'no_stream' : history.length - 1;
    try {
      const result = await store.append(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: options.metadata ?? {} })),
        expected,
      );
      return [...result.events];
    } catch (error) {
      const stale = isEdictError(error) && error.code === 'EVENT_STORE.WRONG_EXPECTED_REVISION';
      if (!stale || attempt >= maxAttempts) throw error;
    }
  }
}

/** Folds a stream read from the store with a decider's evolve. */
export async function loadState<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
): Promise<{ state: S; revision: number }> {
  const history = await store.readStream(streamId);
  return {
    state: foldEvents(decider, history.map((e) => ({ type: e.type, data: e.data }) as E)),
    revision: history.length - 1,
  };
}
