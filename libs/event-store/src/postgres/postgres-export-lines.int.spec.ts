import { readAuditExportText } from '../audit/read-audit-export-text';
import type { StoredEvent } from '../port/event-store.port';
import { createPostgresEventStore } from './create-postgres-event-store';
import type { PostgresEventStore } from './postgres-event-store';
import { databaseUrl, dropSchema, randomSchema, withSqlClient } from './testing/postgres-test-schema';

// The lines Postgres prints (readAllExportLines) must be, byte for byte, the lines the export
// wrote before: JSON.stringify of each event readAll returns. Awkward values on purpose.
const schema = randomSchema('export_lines');
let store: PostgresEventStore;
let tick = 0;
// recordedAt steps over many millisecond values (0 included), one append each
const clock = { now: (): Date => new Date(Date.UTC(2026, 0, 2, 3, 4, 5) + 1000 * tick + ((tick++ * 37) % 1000)) };

const awkward: readonly unknown[] = [
  { s: 'quote " backslash \\ slash / tab \t newline \n cr \r bs \b ff \f', c: '\u0001\u001f\u007f\u2028\u2029', u: 'é 日本 😀' },
  { '10': 1, '9': 2, a: 3, '': 4, 'b c': 5, ':': '": "', ',': '", "' },
  { n: [0, -0, 1.5, 0.1, 1e21, 1.5e-7, 2 ** 64, -42, 2 ** 53], t: true, f: false, z: null },
  { nested: { deeper: [[], {}, [{ k: 'v' }], ''] }, empty: {}, list: [] },
  [1, 'two', { three: 3 }],
  'a string',
  42,
  null,
];

beforeAll(async () => {
  store = await createPostgresEventStore({ connectionString: databaseUrl(), schema, clock });
  for (const [i, data] of awkward.entries()) {
    await store.append(`bundle-"odd\\ \u00e9 ${i}`, [{ type: `Type "${i}" é`, data, metadata: { correlationId: `c-${i}`, nested: { '1': ['x'] } } }], 'no_stream');
  }
  for (let i = 0; i < 200; i++) {
    await store.append(i % 2 ? `rollout-org/p${i % 5}` : `bundle-org/p${i % 5}`, [{ type: 'RolloutPromoted', data: { policyId: `org/p${i % 5}`, n: i } }, { type: 'Second', data: { i } }], 'any');
  }
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

const linesOf = (events: readonly StoredEvent[]): string => events.map((e) => `${JSON.stringify(e)}\n`).join('');

const textOf = async (chunks: AsyncIterable<string>): Promise<string> => {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
};

describe('readAllExportLines (Postgres prints the export lines)', () => {
  it('given awkward data, streams, types and many millisecond times, then every line is JSON.stringify of the readAll event', async () => {
    const events = await store.readAll({ after: 0 });
    const page = await store.readAllExportLines({ after: 0, limit: 10_000 });
    expect(page.count).toBe(awkward.length + 400);
    expect(page.lastPosition).toBe(events[events.length - 1]?.position);
    expect(page.text).toBe(linesOf(events));
  });

  it('given after, limit and categories, then the page is the same slice readAll gives', async () => {
    const options = { after: 5, limit: 37, categories: ['rollout'] };
    const page = await store.readAllExportLines(options);
    expect(page.text).toBe(linesOf(await store.readAll(options)));
    expect(page.count).toBe(37);
  });

  it('given a page after the head, then it is empty', async () => {
    await expect(store.readAllExportLines({ after: 10_000, limit: 10 })).resolves.toEqual({ text: '', count: 0, lastPosition: undefined });
  });

  it('given small pages, then readAuditExportText from a position gives the lines after it, and the object path gives the same text', async () => {
    const events = await store.readAll({ after: 3 });
    const fast = await textOf(readAuditExportText(store, { after: 3, pageSize: 7 }));
    expect(fast).toBe(linesOf(events));
    // a time filter takes the path through event objects: here one that keeps everything
    const viaEvents = await textOf(readAuditExportText(store, { after: 3, since: '2000-01-01T00:00:00.000Z' }));
    expect(viaEvents).toBe(fast);
  });

  it('given a row written past the store with microseconds in recorded_at, then its line still matches readAll (milliseconds truncated)', async () => {
    const head = await store.readAll({ after: 0 });
    const last = head[head.length - 1] as StoredEvent;
    await withSqlClient(async (client) => {
      await client.query('SET session_replication_role = replica');
      await client.query(
        `INSERT INTO "${schema}".events (position, stream_id, revision, event_id, type, data, metadata, recorded_at, previous_hash, hash)
         VALUES ($1, 'bundle-micro', 0, gen_random_uuid(), 'Micro', '{"a": 1}', '{}', '2026-01-02 03:04:05.678901+00', $2, repeat('a', 64))`,
        [last.position + 1, last.hash],
      );
    });
    const [micro] = await store.readAll({ after: last.position });
    expect(micro?.recordedAt).toBe('2026-01-02T03:04:05.678Z');
    await expect(store.readAllExportLines({ after: last.position, limit: 10 })).resolves.toMatchObject({ text: linesOf([micro as StoredEvent]), count: 1 });
  });
});
