import fc from 'fast-check';
import type { StoredEvent } from '../port/event-store.port';
import { aValidLog } from './chain.fixtures';
import { computeEventHash, GENESIS_HASH } from './hash-chain';
import { verifyChain } from './verify-chain';

/** Recomputes an event's hash after an edit, as a careful forger would. */
const rehashed = (event: StoredEvent): StoredEvent => ({ ...event, hash: computeEventHash(event.previousHash, event) });

describe('verifyChain', () => {
  it('given a valid log, then it verifies with its count and head', () => {
    const log = aValidLog(10);

    expect(verifyChain(log)).toEqual({ ok: true, count: 10, head: log[9]!.hash });
  });

  it('given no events, then it verifies with the genesis head', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
  });

  it('given an edited event, then it fails at that position with HASH_MISMATCH', () => {
    const log = aValidLog(6);
    log[3] = { ...log[3]!, data: { n: 3, name: 'tampered' } };

    expect(verifyChain(log)).toMatchObject({ ok: false, position: 4, index: 3, code: 'HASH_MISMATCH' });
  });

  it('given an edited event whose hash was recomputed, then the next event no longer links to it', () => {
    const log = aValidLog(6);
    log[3] = rehashed({ ...log[3]!, metadata: { actor: 'mallory' } });

    expect(verifyChain(log)).toMatchObject({ ok: false, position: 5, code: 'PREVIOUS_HASH_MISMATCH' });
  });

  it('given a deleted event, then it fails at the gap', () => {
    const log = aValidLog(6);
    log.splice(2, 1);

    expect(verifyChain(log)).toMatchObject({ ok: false, position: 4, index: 2, code: 'POSITION_GAP' });
  });

  it('given a deleted event and renumbered positions, then the renumbered event does not link', () => {
    const log = aValidLog(6);
    log.splice(2, 1);
    const renumbered = log.map((e, i) => (i >= 2 ? { ...e, position: e.position - 1 } : e));

    expect(verifyChain(renumbered)).toMatchObject({ ok: false, position: 3, code: 'PREVIOUS_HASH_MISMATCH' });
  });

  it('given an inserted copy of an event, then it fails where the position stops increasing', () => {
    const log = aValidLog(6);
    log.splice(4, 0, log[1]!);

    expect(verifyChain(log)).toMatchObject({ ok: false, index: 4, code: 'POSITION_NOT_INCREASING' });
  });

  it('given two events swapped, then it fails at the first one out of order', () => {
    const log = aValidLog(6);
    [log[2], log[3]] = [log[3]!, log[2]!];

    expect(verifyChain(log)).toMatchObject({ ok: false, position: 4, index: 2, code: 'POSITION_GAP' });
  });

  it('given a log that does not start at genesis, then the first event does not link', () => {
    expect(verifyChain(aValidLog(6).slice(2))).toMatchObject({ ok: false, position: 3, code: 'POSITION_GAP' });
  });

  it('given a slice and the hash and position before it, then the slice verifies', () => {
    const log = aValidLog(8);

    const result = verifyChain(log.slice(3), { previousHash: log[2]!.hash, previousPosition: 3 });

    expect(result).toEqual({ ok: true, count: 5, head: log[7]!.hash });
  });

  it('given a forged event that skips a revision of its stream, then it fails with REVISION_GAP', () => {
    const log = aValidLog(3);
    const forged = rehashed({ ...log[2]!, streamId: 'policy-0', revision: 5 });

    expect(verifyChain([log[0]!, log[1]!, forged])).toMatchObject({ ok: false, position: 3, code: 'REVISION_GAP' });
  });

  it('given something that is not an event, then it fails with MALFORMED', () => {
    const log = aValidLog(3);
    const broken = { ...log[1]!, hash: 'not-a-hash' };

    expect(verifyChain([log[0]!, broken, log[2]!])).toMatchObject({ ok: false, position: 2, code: 'MALFORMED' });
  });

  it('given any single edit of any event, then the chain does not verify', () => {
    const edits: ((e: StoredEvent) => StoredEvent)[] = [
      (e) => ({ ...e, data: { ...(e.data as object), extra: true } }),
      (e) => ({ ...e, type: `${e.type}X` }),
      (e) => ({ ...e, recordedAt: '1999-01-01T00:00:00.000Z' }),
      (e) => rehashed({ ...e, metadata: { actor: 'mallory' } }),
      (e) => ({ ...e, revision: e.revision + 1 }),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), fc.nat({ max: edits.length - 1 }), (size, at, which) => {
        const log = aValidLog(size);
        const index = at % size;
        log[index] = edits[which]!(log[index]!);
        // An edit of the last event with a recomputed hash is only visible against a published head.
        const expectHeadChange = index === size - 1 && which === 3;
        const result = verifyChain(log);
        return expectHeadChange ? result.ok && result.head !== aValidLog(size)[index]!.hash : !result.ok;
      }),
    );
  });
});
