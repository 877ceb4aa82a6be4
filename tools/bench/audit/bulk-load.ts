import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { computeEventHash, GENESIS_HASH, schemaNames, type StoredEvent } from '@edict/event-store';

const ROWS_PER_STATEMENT = 10_000;
const STREAMS = 50;

/**
 * The bench's bulk path (NOT how services append): N RolloutPromoted events over 50 streams,
 * chained and hashed here with the store's own computeEventHash, inserted 10,000 rows per
 * statement with `session_replication_role = replica` (superuser), which skips the append guard
 * trigger (gap/link checks and the database-computed hash) for speed. The chain is then checked
 * end to end by the verify step, which recomputes every hash from the exported events.
 */
export async function bulkLoadEvents(url: string, schema: string, count: number): Promise<void> {
  const { events, head } = schemaNames(schema);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    const revisions = new Array<number>(STREAMS).fill(0);
    const recordedAt = new Date().toISOString();
    let previousHash = GENESIS_HASH;
    for (let start = 1; start <= count; start += ROWS_PER_STATEMENT) {
      const rows: StoredEvent[] = [];
      for (let position = start; position < start + ROWS_PER_STATEMENT && position <= count; position++) {
        const p = position % STREAMS;
        const revision = revisions[p] ?? 0;
        revisions[p] = revision + 1;
        const hashed = { eventId: randomUUID(), streamId: `rollout-org/p${p}`, revision, position, type: 'RolloutPromoted', data: { policyId: `org/p${p}`, version: '1.0.0', from: 10, to: 50, n: position }, metadata: { actor: 'bench' }, recordedAt };
        const hash = computeEventHash(previousHash, hashed);
        rows.push({ ...hashed, previousHash, hash });
        previousHash = hash;
      }
      const column = <T>(pick: (e: StoredEvent) => T): T[] => rows.map(pick);
      await client.query(
        `INSERT INTO ${events} (position, stream_id, revision, event_id, type, data, metadata, recorded_at, previous_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[], $8::timestamptz[], $9::text[], $10::text[])`,
        [column((e) => e.position), column((e) => e.streamId), column((e) => e.revision), column((e) => e.eventId), column((e) => e.type), column((e) => JSON.stringify(e.data)), column((e) => JSON.stringify(e.metadata)), column((e) => e.recordedAt), column((e) => e.previousHash), column((e) => e.hash)],
      );
    }
    await client.query(`UPDATE ${head} SET position = $1, hash = $2 WHERE id`, [count, previousHash]);
  } finally {
    await client.end();
  }
}
