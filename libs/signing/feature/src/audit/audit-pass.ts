import { StreamIds, type AuditChainBroken, type AuditCheckpointSigned } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { AuditVerifier, checkpointPayload, trustedKeys, type AuditBreak, type EventStore, type SignedCheckpoint } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import { keyringDecider } from '@edict/signing-domain';
import type { ActiveSigner } from '../keys/active-signer';

export interface AuditPassDeps {
  readonly store: EventStore;
  readonly signer: ActiveSigner;
  readonly clock: Clock;
  readonly pageSize?: number;
}

export type AuditPassOutcome =
  | { readonly ok: true; readonly head: number; readonly signed?: SignedCheckpoint }
  | { readonly ok: false; readonly break: AuditBreak; readonly reported: boolean };

/**
 * One pass of the audit anchor: re-verify the whole log from genesis (chain, every signed
 * checkpoint in it, and the `anchors` this process signed itself, which no database write can
 * change), then, if it verifies and the head is not already a checkpoint, sign the head and
 * append it. A broken log is never signed over: the break is appended once as AuditChainBroken.
 * Keys: every key the keyring ever registered (retired ones signed old checkpoints).
 */
export async function runAuditPass(deps: AuditPassDeps, anchors: SignedCheckpoint[], reported: AuditBreak | undefined): Promise<AuditPassOutcome> {
  const { store, signer, clock, pageSize = 1000 } = deps;
  const { state } = await loadState(store, StreamIds.keyring, keyringDecider);
  const keys = state.keys.map((k) => ({ ...k.publicJwk, kid: k.kid }));
  const verifier = new AuditVerifier(trustedKeys(keys), { anchors });
  let after = 0;
  let last: { position: number; type: string } | undefined;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    for (const event of page) await verifier.push(event);
    const tail = page[page.length - 1];
    if (tail) last = { position: tail.position, type: tail.type };
    if (page.length < pageSize || !tail) break;
    after = tail.position;
  }
  const outcome = await verifier.finish();
  if (!outcome.ok) {
    const same = reported && reported.position === outcome.break.position && reported.code === outcome.break.code;
    if (!same) await appendBreak(store, clock, outcome.break);
    return { ok: false, break: outcome.break, reported: !same };
  }
  if (!last || last.type === 'AuditCheckpointSigned') return { ok: true, head: outcome.head.position };
  const head = { position: outcome.head.position, hash: outcome.head.hash, at: clock.now().toISOString() };
  const signed = await signer.sign(checkpointPayload(head));
  const checkpoint: SignedCheckpoint = { ...head, kid: signed.kid, alg: signed.alg, signature: signed.signature };
  const event: AuditCheckpointSigned = { type: 'AuditCheckpointSigned', data: { ...checkpoint } };
  await store.append(StreamIds.auditCheckpoint, [event], 'any');
  anchors.push(checkpoint);
  return { ok: true, head: head.position, signed: checkpoint };
}

async function appendBreak(store: EventStore, clock: Clock, found: AuditBreak): Promise<void> {
  const event: AuditChainBroken = { type: 'AuditChainBroken', data: { ...found, detectedAt: clock.now().toISOString() } };
  await store.append(StreamIds.auditCheckpoint, [event], 'any');
}
