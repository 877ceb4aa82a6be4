import { Inject, Injectable } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { NotFoundError } from '@edict/core';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@edict/event-store';
import { foldException, type ExistingException } from './exception-view';

/**
 * Exceptions straight from the store (never behind what was just written): one stream, or the
 * `exception` category of the global log for all (one read per request; a read model can replace
 * it when there are many).
 */
@Injectable()
export class ExceptionsReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async one(exceptionId: string): Promise<ExistingException> {
    const state = foldException(await this.store.readStream(StreamIds.exception(exceptionId)));
    if (state.kind === 'none') throw new NotFoundError('EXCEPTION.NOT_FOUND', `no exception ${exceptionId}`);
    return state;
  }

  /** Every exception, by id. */
  async all(): Promise<ExistingException[]> {
    const byStream = new Map<string, StoredEvent[]>();
    for (const event of await this.store.readAll({ after: 0, categories: ['exception'] })) {
      byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    }
    const states: ExistingException[] = [];
    for (const events of byStream.values()) {
      const state = foldException(events.sort((a, b) => a.revision - b.revision));
      if (state.kind === 'exists') states.push(state);
    }
    return states.sort((a, b) => a.request.exceptionId.localeCompare(b.request.exceptionId, 'en', { numeric: true }));
  }
}
