import { ChainVerifier } from '../chain/chain-verifier';
import type { StoredEvent } from '../port/event-store.port';
import { kindOfChainFailure, type AuditBreak } from './audit-break';
import { AUDIT_CHECKPOINT_SIGNED, checkpointOf, type SignedCheckpoint } from './audit-checkpoint';

/** Checks a checkpoint's signature (with keys the caller trusts); true when it verifies. */
export type CheckpointSignatureCheck = (checkpoint: SignedCheckpoint) => Promise<boolean>;

export type AuditVerification =
  | { readonly ok: true; readonly count: number; readonly head: { readonly position: number; readonly hash: string }; readonly checkpoints: number; readonly lastCheckpoint?: SignedCheckpoint }
  | { readonly ok: false; readonly break: AuditBreak };

/**
 * Verifies the global log from genesis, event by event (an export can be streamed), and every
 * signed checkpoint in it: the signature must verify, and the hash it signed must be the hash
 * the log holds at that position. A rewrite that recomputed every hash after an edit passes the
 * chain but not the first checkpoint after it. `finish(anchors)` also checks checkpoints known
 * from elsewhere (e.g. the signer's memory, the `edict.audit.v1` topic), so a rewrite that also
 * removed checkpoint events, or a cut-off end, is found.
 */
export class AuditVerifier {
  private readonly chain = new ChainVerifier();
  private readonly hashes = new Map<number, string>();
  private failure: AuditBreak | undefined;
  private checkpoints = 0;
  private lastCheckpoint: SignedCheckpoint | undefined;
  private head = { position: 0, hash: '' };

  constructor(private readonly signatureValid: CheckpointSignatureCheck) {}

  async push(event: StoredEvent): Promise<AuditBreak | undefined> {
    if (this.failure) return this.failure;
    const failed = this.chain.push(event);
    if (failed) return (this.failure = { position: failed.position, kind: kindOfChainFailure[failed.code], code: failed.code, reason: failed.reason });
    this.hashes.set(event.position, event.hash);
    this.head = { position: event.position, hash: event.hash };
    if (event.type !== AUDIT_CHECKPOINT_SIGNED) return undefined;
    const checkpoint = checkpointOf(event);
    if (!checkpoint) return this.fail(event.position, 'CHECKPOINT_MALFORMED', 'an AuditCheckpointSigned event without position, hash, at, kid, alg and signature');
    const mismatch = await this.check(checkpoint, event.position);
    if (mismatch) return mismatch;
    this.checkpoints += 1;
    this.lastCheckpoint = checkpoint;
    return undefined;
  }

  /** The outcome, after checking the anchors (signed checkpoints from outside the log). */
  async finish(anchors: readonly SignedCheckpoint[] = []): Promise<AuditVerification> {
    for (const anchor of anchors) {
      if (this.failure) break;
      if (anchor.position > this.head.position) {
        this.fail(this.head.position + 1, 'CHECKPOINT_BEYOND_HEAD', `a signed checkpoint at position ${anchor.position} is beyond the log's head ${this.head.position}: events were cut off the end`, 'deleted');
        break;
      }
      await this.check(anchor, anchor.position);
    }
    if (this.failure) return { ok: false, break: this.failure };
    const { count } = this.chain.result() as { count: number };
    return { ok: true, count, head: this.head, checkpoints: this.checkpoints, ...(this.lastCheckpoint ? { lastCheckpoint: this.lastCheckpoint } : {}) };
  }

  private async check(checkpoint: SignedCheckpoint, at: number): Promise<AuditBreak | undefined> {
    if (!(await this.signatureValid(checkpoint))) {
      return this.fail(at, 'CHECKPOINT_SIGNATURE_INVALID', `the checkpoint of position ${checkpoint.position} is not signed by a trusted key (kid ${checkpoint.kid})`);
    }
    const logged = this.hashes.get(checkpoint.position);
    if (logged !== checkpoint.hash) {
      return this.fail(
        checkpoint.position,
        'CHECKPOINT_HASH_MISMATCH',
        `the log's hash at position ${checkpoint.position} is not the one signed at ${checkpoint.at}: history up to there was rewritten`,
      );
    }
    return undefined;
  }

  private fail(position: number, code: string, reason: string, kind: AuditBreak['kind'] = 'checkpoint-mismatch'): AuditBreak {
    this.failure = { position, kind, code, reason };
    return this.failure;
  }
}
