import { UnavailableError } from '@edict/core';
import { PostgresEventStore } from './postgres-event-store';

// Port 1 on loopback: nothing listens there, so connecting fails at once with ECONNREFUSED.
const unreachable = (): PostgresEventStore =>
  new PostgresEventStore({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', connectionTimeoutMs: 2000 });

describe('an unreachable Postgres', () => {
  it.each<[string, (store: PostgresEventStore) => Promise<unknown>]>([
    ['ping', (store) => store.ping()],
    ['append', (store) => store.append('policy-1', [{ type: 'PolicyDrafted', data: {} }], 'any')],
    ['readStream', (store) => store.readStream('policy-1')],
    ['readAll', (store) => store.readAll({ after: 0 })],
  ])('given %s, then it throws UnavailableError EVENT_STORE.UNAVAILABLE (retriable, 503)', async (_op, operation) => {
    const store = unreachable();

    const result = operation(store);

    await expect(result).rejects.toBeInstanceOf(UnavailableError);
    await expect(result).rejects.toMatchObject({ code: 'EVENT_STORE.UNAVAILABLE', status: 503, retriable: true });
    await store.close();
  });

  it('given a subscription, then onError gets UnavailableError and done rejects with it', async () => {
    const store = unreachable();
    const errors: unknown[] = [];

    const subscription = store.subscribe({ after: 0, onEvent: () => Promise.resolve(), onError: (e) => errors.push(e) });

    await expect(subscription.done).rejects.toMatchObject({ code: 'EVENT_STORE.UNAVAILABLE' });
    expect(errors).toHaveLength(1);
    await store.close();
  });
});
