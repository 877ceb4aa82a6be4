import { Inject, Injectable } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@edict/event-store';
import { foldLine, type ActiveLine } from '../handlers/bundle-views';

/**
 * Reads bundle lines straight from the store, so the registry is never behind what was just
 * written: one stream for one policy, the `bundle` category of the global log for all of them
 * (one read per request; a read model can replace it when registries grow large).
 */
@Injectable()
export class BundleLinesReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async one(policyId: string): Promise<{ line: ActiveLine | undefined; events: StoredEvent[] }> {
    const events = await this.store.readStream(StreamIds.bundle(policyId));
    const state = foldLine(events);
    return { line: state.kind === 'active' ? state : undefined, events };
  }

  /** Every policy's line, ordered by policy id. */
  async all(): Promise<ActiveLine[]> {
    const byStream = new Map<string, StoredEvent[]>();
    for (const event of await this.store.readAll({ after: 0, categories: ['bundle'] })) {
      const list = byStream.get(event.streamId) ?? [];
      list.push(event);
      byStream.set(event.streamId, list);
    }
    const lines: ActiveLine[] = [];
    for (const events of byStream.values()) {
      const state = foldLine(events.sort((a, b) => a.revision - b.revision));
      if (state.kind === 'active') lines.push(state);
    }
    return lines.sort((a, b) => a.policyId.localeCompare(b.policyId));
  }
}
