import type { ServingState } from '@edict/contracts';
import { ServingDocuments } from './serving-documents';

const state = (policyId: string, revision: number, version = '1.0.0'): ServingState => ({
  policyId,
  revision,
  stable: { version, digest: `sha256:${version}`, document: {}, signature: 'sig', kid: 'k1' },
  canary: null,
  pinned: null,
  killSwitch: null,
});

describe('ServingDocuments', () => {
  it('serialises each policy once, with a strong ETag over exactly the bytes served', () => {
    const documents = new ServingDocuments();
    documents.set(state('org/b', 3));
    documents.set(state('org/a', 1));
    const one = documents.of('org/a');
    expect(JSON.parse(one?.body ?? '')).toEqual(state('org/a', 1));
    expect(one?.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(JSON.parse(documents.all().body)).toEqual([state('org/a', 1), state('org/b', 3)]);
    expect(documents.all().etag).not.toBe(one?.etag);
  });

  it('changes the all-document ETag when one policy changes, and keeps it when nothing did', () => {
    const documents = new ServingDocuments();
    documents.set(state('org/a', 1));
    const before = documents.all().etag;
    documents.set(state('org/a', 1));
    expect(documents.all().etag).toBe(before);
    documents.set(state('org/a', 2, '2.0.0'));
    expect(documents.all().etag).not.toBe(before);
  });

  it('never goes back to an older revision of a policy', () => {
    const documents = new ServingDocuments();
    documents.set(state('org/a', 5, '2.0.0'));
    documents.set(state('org/a', 4, '1.0.0'));
    expect(documents.of('org/a')?.revision).toBe(5);
  });

  it('wakes a waiter on a change, and at once when the change came before it waited', async () => {
    const documents = new ServingDocuments();
    const held = documents.wait(documents.seen(), 60_000);
    documents.set(state('org/a', 1));
    await expect(held).resolves.toBe(true);
    const seen = documents.seen();
    documents.set(state('org/a', 2));
    await expect(documents.wait(seen, 60_000)).resolves.toBe(true);
  });

  it('answers false after the wait, on abort, and for every held wait at shutdown', async () => {
    const documents = new ServingDocuments();
    await expect(documents.wait(documents.seen(), 1)).resolves.toBe(false);
    await expect(documents.wait(documents.seen(), 60_000, AbortSignal.abort())).resolves.toBe(false);
    const held = documents.wait(documents.seen(), 60_000);
    documents.close();
    await expect(held).resolves.toBe(false);
    await expect(documents.wait(documents.seen(), 60_000)).resolves.toBe(false);
  });
});
