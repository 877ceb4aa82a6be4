import type { EventStoreDBClient } from '@eventstore/db-client';
import { UnavailableError as EsdbUnavailableError } from '@eventstore/db-client';
import { verifyChain } from '../chain/verify-chain';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import { FakeEsdbClient } from './fake-esdb-client';

// The EventStoreDB adapter's protocol (log stream as the serialisation point, copy into the
// event's stream, helpers finishing a dead writer's copy) run against an in-memory fake of the
// client. This is not a test of EventStoreDB itself: eventstoredb-event-store.int.spec.ts is.
// The file lives outside src/eventstoredb/ on purpose: jest leaves paths containing
// "eventstoredb" out when no server is configured, and this needs none.
const fake = new FakeEsdbClient();
const client = fake as unknown as EventStoreDBClient;

describeEventStoreContract('eventstoredb adapter over a fake client', () =>
  Promise.resolve({ store: new EventStoreDbEventStore({ client, logStream: 'contract-log' }), cleanup: () => Promise.resolve() }),
);

describe('the EventStoreDB adapter when a writer dies between the log and the stream (fake client)', () => {
  const store = new EventStoreDbEventStore({ client, logStream: 'crash-log' });
  const unavailable = new EsdbUnavailableError(undefined, 'connection lost');

  it('given the copy into the stream failed, then the events are in the log and readStream finishes the copy', async () => {
    fake.failNextAppendTo('policy-crash', unavailable);

    const append = store.append('policy-crash', [{ type: 'PolicyDrafted', data: { n: 1 } }], 'no_stream');

    await expect(append).rejects.toMatchObject({ code: 'EVENT_STORE.UNAVAILABLE' });
    const log = await store.readAll({ after: 0 });
    expect(log.map((e) => e.streamId)).toEqual(['policy-crash']);
    await expect(store.readStream('policy-crash')).resolves.toEqual(log);
  });

  it('given the copy failed, then the next append to another stream finishes it first', async () => {
    fake.failNextAppendTo('policy-crash2', unavailable);
    await expect(store.append('policy-crash2', [{ type: 'A', data: {} }, { type: 'B', data: {} }], 'no_stream')).rejects.toThrow();

    await store.append('policy-other', [{ type: 'C', data: {} }], 'no_stream');

    const raw = fake.readStream('policy-crash2');
    const copied: string[] = [];
    for await (const resolved of raw) copied.push(resolved.event!.type);
    expect(copied).toEqual(['A', 'B']);
    expect(verifyChain(await store.readAll({ after: 0 }))).toMatchObject({ ok: true, count: 4 });
  });

  it('given the stream lags the log, then the expected revision is still checked against the log', async () => {
    fake.failNextAppendTo('policy-crash3', unavailable);
    await expect(store.append('policy-crash3', [{ type: 'A', data: {} }], 'no_stream')).rejects.toThrow();

    const again = store.append('policy-crash3', [{ type: 'A', data: {} }], 'no_stream');

    await expect(again).rejects.toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_REVISION', details: { actual: 0 } });
  });
});
