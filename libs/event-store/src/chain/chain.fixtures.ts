import type { StoredEvent } from '../port/event-store.port';
import { chainEvents, type ChainHead } from './chain-events';
import { GENESIS_HASH } from './hash-chain';

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * A valid global log of `count` single-event appends spread over three streams, built with the
 * same chainEvents the adapters use. Test data only.
 */
export function aValidLog(count: number): StoredEvent[] {
  const log: StoredEvent[] = [];
  const revisions = new Map<string, number>();
  let head: ChainHead = { position: 0, hash: GENESIS_HASH };
  for (let i = 0; i < count; i++) {
    const streamId = `policy-${i % 3}`;
    const revision = (revisions.get(streamId) ?? -1) + 1;
    const event = chainEvents({
      head,
      streamId,
      firstRevision: revision,
      recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
      events: [{ eventId: uuid(i + 1), type: 'PolicyDrafted', data: { n: i, name: `p${i}` }, metadata: { actor: 'alice' } }],
    })[0];
    if (!event) throw new Error('chainEvents returned nothing');
    log.push(event);
    revisions.set(streamId, revision);
    head = { position: event.position, hash: event.hash };
  }
  return log;
}
