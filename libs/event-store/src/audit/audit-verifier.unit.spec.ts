import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { signDetached } from '@edict/core';
import { chainEvents } from '../chain/chain-events';
import { aValidLog } from '../chain/chain.fixtures';
import { computeEventHash, GENESIS_HASH } from '../chain/hash-chain';
import type { StoredEvent } from '../port/event-store.port';
import { AUDIT_CHECKPOINT_SIGNED, AUDIT_CHECKPOINT_STREAM, checkpointPayload, type SignedCheckpoint } from './audit-checkpoint';
import { AuditVerifier } from './audit-verifier';
import { trustedKeys } from './trusted-keys';

let publicJwk: JWK;
let sign: (payload: string) => Promise<string>;
let otherSign: (payload: string) => Promise<string>;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1' };
  sign = (payload) => signDetached(payload, { kid: 'k1', alg: 'ES256', privateKey: pair.privateKey });
  const other = await generateKeyPair('ES256');
  otherSign = (payload) => signDetached(payload, { kid: 'k1', alg: 'ES256', privateKey: other.privateKey });
});

const checkpointOver = async (log: readonly StoredEvent[], signer = sign): Promise<SignedCheckpoint> => {
  const last = log[log.length - 1]!;
  const head = { position: last.position, hash: last.hash, at: '2025-02-01T00:00:00.000Z' };
  return { ...head, kid: 'k1', alg: 'ES256', signature: await signer(checkpointPayload(head)) };
};

/** `before` events, a signed checkpoint event over them, then `after` more events. */
async function aCheckpointedLog(before: number, after: number, signer = sign): Promise<StoredEvent[]> {
  const log = aValidLog(before);
  const checkpoint = await checkpointOver(log, signer);
  const last = log[log.length - 1]!;
  log.push(...chainEvents({ head: last, streamId: AUDIT_CHECKPOINT_STREAM, firstRevision: 0, recordedAt: checkpoint.at, events: [{ eventId: '00000000-0000-4000-8000-0000000000ff', type: AUDIT_CHECKPOINT_SIGNED, data: { ...checkpoint }, metadata: {} }] }));
  return rechain(log, after);
}

/** Appends `n` plain events after the log, chained properly. */
function rechain(log: StoredEvent[], n: number): StoredEvent[] {
  for (let i = 0; i < n; i++) {
    const head = log[log.length - 1]!;
    log.push(...chainEvents({ head, streamId: `later-${i}`, firstRevision: 0, recordedAt: '2025-03-01T00:00:00.000Z', events: [{ eventId: `00000000-0000-4000-8000-1000000000${i.toString().padStart(2, '0')}`, type: 'Later', data: { i }, metadata: {} }] }));
  }
  return log;
}

/** Recomputes every hash from `from` on, as a superuser rewriting history would. */
function rehashFrom(log: StoredEvent[], from: number): StoredEvent[] {
  let previous = from === 1 ? GENESIS_HASH : log[from - 2]!.hash;
  return log.map((e) => {
    if (e.position < from) return e;
    const hash = computeEventHash(previous, e);
    const rewritten = { ...e, previousHash: previous, hash };
    previous = hash;
    return rewritten;
  });
}

const verify = async (log: readonly StoredEvent[], anchors: readonly SignedCheckpoint[] = []) => {
  const verifier = new AuditVerifier(trustedKeys([publicJwk]));
  for (const event of log) await verifier.push(event);
  return verifier.finish(anchors);
};

describe('AuditVerifier', () => {
  it('given an untouched log with a signed checkpoint, then it verifies and counts the checkpoint', async () => {
    const log = await aCheckpointedLog(4, 2);
    await expect(verify(log)).resolves.toMatchObject({ ok: true, count: 7, checkpoints: 1, head: { position: 7 } });
  });

  it('given an event edited in place, then the break is "edited" at that position', async () => {
    const log = await aCheckpointedLog(4, 2);
    log[1] = { ...log[1]!, data: { n: 666 } };
    await expect(verify(log)).resolves.toMatchObject({ ok: false, break: { position: 2, kind: 'edited', code: 'HASH_MISMATCH' } });
  });

  it('given an edit with every later hash recomputed, then the chain holds but the signed checkpoint does not', async () => {
    const log = await aCheckpointedLog(4, 2);
    log[1] = { ...log[1]!, type: 'PolicyDisabled' };
    const rewritten = rehashFrom(log, 2);
    await expect(verify(rewritten)).resolves.toMatchObject({ ok: false, break: { position: 4, kind: 'forged', code: 'CHECKPOINT_HASH_MISMATCH' } });
  });

  it('given an event deleted, then the break is "deleted" at the missing position', async () => {
    const log = await aCheckpointedLog(4, 2);
    log.splice(2, 1);
    await expect(verify(log)).resolves.toMatchObject({ ok: false, break: { position: 3, kind: 'deleted', code: 'POSITION_GAP' } });
  });

  it('given the last line deleted before a trusted anchor, then the end was cut off ("deleted")', async () => {
    const log = await aCheckpointedLog(4, 2);
    const anchor = await checkpointOver(log);
    await expect(verify(log.slice(0, -1), [anchor])).resolves.toMatchObject({ ok: false, break: { position: 7, kind: 'deleted' } });
  });

  it('given two events swapped, then the break is "reordered" at the first position out of place', async () => {
    const log = await aCheckpointedLog(4, 2);
    [log[1], log[2]] = [log[2]!, log[1]!];
    await expect(verify(log)).resolves.toMatchObject({ ok: false, break: { position: 2, kind: 'reordered', code: 'POSITION_GAP' } });
  });

  it('given a copy of an event inserted after it, then the break is "inserted" at the repeated position', async () => {
    const log = await aCheckpointedLog(4, 2);
    log.splice(2, 0, { ...log[1]!, eventId: '00000000-0000-4000-8000-00000000abcd' });
    await expect(verify(log)).resolves.toMatchObject({ ok: false, break: { position: 2, kind: 'inserted', code: 'POSITION_NOT_INCREASING' } });
  });

  it('given a fabricated event inserted with the right link and position, then the next one links around it: "inserted"', async () => {
    const log = await aCheckpointedLog(4, 2);
    const fabricated = { ...log[2]!, eventId: '00000000-0000-4000-8000-00000000abcd', type: 'PolicyDisabled' };
    log.splice(2, 0, fabricated);
    await expect(verify(log)).resolves.toMatchObject({ ok: false, break: { position: 3, kind: 'inserted', code: 'HASH_MISMATCH' } });
  });

  it('given a fabricated event with a link of its own, then the real event after it at the same position makes it "inserted"', async () => {
    const log = await aCheckpointedLog(4, 2);
    const fabricated = { ...log[2]!, eventId: '00000000-0000-4000-8000-00000000abcd', previousHash: 'f'.repeat(64) };
    log.splice(2, 0, fabricated);
    await expect(verify(log)).resolves.toMatchObject({ ok: false, break: { position: 3, kind: 'inserted', code: 'PREVIOUS_HASH_MISMATCH' } });
  });

  it('given an event edited and its own hash recomputed, then the next link is broken and the break is "forged" at the edited one', async () => {
    const log = await aCheckpointedLog(4, 2);
    const edited = { ...log[1]!, data: { n: 666 } };
    log[1] = { ...edited, hash: computeEventHash(edited.previousHash, edited) };
    await expect(verify(log)).resolves.toMatchObject({ ok: false, break: { position: 2, kind: 'forged', code: 'PREVIOUS_HASH_MISMATCH' } });
  });

  it('given a checkpoint signed by a key that is not trusted, then it is "forged" at the checkpoint event', async () => {
    const log = await aCheckpointedLog(4, 1, (p) => otherSign(p));
    await expect(verify(log)).resolves.toMatchObject({ ok: false, break: { position: 5, kind: 'forged', code: 'CHECKPOINT_SIGNATURE_INVALID' } });
  });

  it('given an anchor beyond the end of the log, then events were cut off the end', async () => {
    const full = await aCheckpointedLog(4, 3);
    const anchor = await checkpointOver(full);
    await expect(verify(full.slice(0, 6), [anchor])).resolves.toMatchObject({ ok: false, break: { position: 7, kind: 'deleted', code: 'CHECKPOINT_BEYOND_HEAD' } });
  });

  it('given the checkpoint events rewritten too, then an anchor from outside the log still finds the rewrite', async () => {
    const log = aValidLog(5);
    const anchor = await checkpointOver(log);
    log[0] = { ...log[0]!, data: { n: 'rewritten' } };
    await expect(verify(rehashFrom(log, 1), [anchor])).resolves.toMatchObject({ ok: false, break: { position: 5, kind: 'forged' } });
  });
});
