import { chainEvents, GENESIS_HASH, type StoredEvent } from '@edict/event-store';

/** A hash-chained audit log for the report specs: `[streamId, type, data]` in log order, positions from 1. */
export function chainedLog(raw: readonly (readonly [string, string, unknown])[], recordedAt: string): StoredEvent[] {
  const log: StoredEvent[] = [];
  const revisions = new Map<string, number>();
  for (const [streamId, type, data] of raw) {
    const head = log[log.length - 1] ?? { position: 0, hash: GENESIS_HASH };
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    log.push(...chainEvents({ head, streamId, firstRevision: revision, recordedAt, events: [{ eventId: `00000000-0000-4000-8000-${String(log.length).padStart(12, '0')}`, type, data, metadata: {} }] }));
  }
  return log;
}
