import { ChainVerifier } from '../chain/chain-verifier';
import type { StoredEvent } from '../port/event-store.port';
import type { AuditBreak } from './audit-break';
import { AUDIT_CHECKPOINT_SIGNED, checkpointOf, type SignedCheckpoint } from './audit-checkpoint';
import { classifyChainBreak, type ChainBreakContext } from './classify-chain-break';
import { RecentHashes } from './recent-hashes';

/** Checks a checkpoint's signature (with keys the caller trusts); true when it verifies. */
export type CheckpointSignatureCheck = (checkpoint: SignedCheckpoint) => Promise<boolean>;

export type AuditVerification =
  | { readonly ok: true; readonly count: number; readonly head: { readonly position: number; readonly hash: string }; readonly checkpoints: number; readonly lastCheckpoint?: SignedCheckpoint }
  | { readonly ok: false; readonly break: AuditBreak };

export interface AuditVerifierOptions {
  /** signed checkpoints known from outside the log (the signer's memory, `edict.audit.v1`) */
  readonly anchors?: readonly SignedCheckpoint[];
}

/**
 * Verifies the global log from genesis, event by event (an export is streamed through it in
 * constant memory), and every signed checkpoint in it: the signature must verify, and the hash
 * it signed must be the hash the log holds at that position. A rewrite that recomputed every hash
 * after an edit passes the chain but not the first checkpoint after it. The anchors are checked
 * too, so a rewrite that also removed checkpoint events, or a cut-off end, is found. A chain
 * failure is named one event later (classifyChainBreak looks at the next event).
 */
export class AuditVerifier {
  private readonly chain = new ChainVerifier();
  private readonly hashes: RecentHashes;
  private readonly anchors: readonly SignedCheckpoint[];
  private pending: Omit<ChainBreakContext, 'next'> | undefined;
  private failure: AuditBreak | undefined;
  private checkpoints = 0;
  private lastCheckpoint: SignedCheckpoint | undefined;
  private last: StoredEvent | undefined;
  private beforeLast: StoredEvent | undefined;

  constructor(private readonly signatureValid: CheckpointSignatureCheck, options: AuditVerifierOptions = {}) {
    this.anchors = options.anchors ?? [];
    this.hashes = new RecentHashes(this.anchors.map((a) => a.position));
  }

  push(event: StoredEvent): Promise<AuditBreak | undefined> {
    const outcome = this.pushNow(event);
    return outcome instanceof Promise ? outcome : Promise.resolve(outcome);
  }

  /**
   * push, synchronous except for a checkpoint (its signature check is async): a verifier of a
   * million lines awaits only at checkpoints.
   */
  pushNow(event: StoredEvent): AuditBreak | undefined | Promise<AuditBreak | undefined> {
    if (this.failure) return this.failure;
    if (this.pending) return (this.failure = classifyChainBreak({ ...this.pending, next: event }));
    const failed = this.chain.push(event);
    if (failed) {
      this.pending = { code: failed.code, reason: failed.reason, failed: event, expected: (this.last?.position ?? 0) + 1, ...(this.last ? { last: this.last } : {}), ...(this.beforeLast ? { beforeLast: this.beforeLast } : {}) };
      return undefined;
    }
    this.hashes.set(event.position, event.hash);
    this.beforeLast = this.last;
    this.last = event;
    if (event.type !== AUDIT_CHECKPOINT_SIGNED) return undefined;
    const checkpoint = checkpointOf(event);
    if (!checkpoint) return this.fail(event.position, 'CHECKPOINT_MALFORMED', 'an AuditCheckpointSigned event without position, hash, at, kid, alg and signature', 'malformed');
    return this.check(checkpoint, event.position).then((mismatch) => {
      if (mismatch) return mismatch;
      this.checkpoints += 1;
      this.lastCheckpoint = checkpoint;
      return undefined;
    });
  }

  /** The outcome, after checking the anchors (those given here are checked if their hash is still held). */
  async finish(anchors: readonly SignedCheckpoint[] = []): Promise<AuditVerification> {
    if (this.pending && !this.failure) this.failure = classifyChainBreak(this.pending);
    const head = { position: this.last?.position ?? 0, hash: this.last?.hash ?? '' };
    for (const anchor of [...this.anchors, ...anchors]) {
      if (this.failure) break;
      if (anchor.position > head.position) {
        this.fail(head.position + 1, 'CHECKPOINT_BEYOND_HEAD', `a signed checkpoint at position ${anchor.position} is beyond the log's head ${head.position}: events were cut off the end`, 'deleted');
        break;
      }
      await this.check(anchor, anchor.position);
    }
    if (this.failure) return { ok: false, break: this.failure };
    const { count } = this.chain.result() as { count: number };
    return { ok: true, count, head, checkpoints: this.checkpoints, ...(this.lastCheckpoint ? { lastCheckpoint: this.lastCheckpoint } : {}) };
  }

  private async check(checkpoint: SignedCheckpoint, at: number): Promise<AuditBreak | undefined> {
    if (!(await this.signatureValid(checkpoint))) {
      return this.fail(at, 'CHECKPOINT_SIGNATURE_INVALID', `the checkpoint of position ${checkpoint.position} is not signed by a trusted key (kid ${checkpoint.kid})`, 'forged');
    }
    const logged = this.hashes.get(checkpoint.position);
    if (logged === undefined) {
      return this.fail(at, 'CHECKPOINT_UNCHECKABLE', `the checkpoint of position ${checkpoint.position} is more than ${RecentHashes.WINDOW} positions behind: its hash is no longer held`, 'forged');
    }
    if (logged !== checkpoint.hash) {
      return this.fail(
        checkpoint.position,
        'CHECKPOINT_HASH_MISMATCH',
        `the log's hash at position ${checkpoint.position} is not the one signed at ${checkpoint.at}: history up to there was rewritten with recomputed hashes`,
        'forged',
      );
    }
    return undefined;
  }

  private fail(position: number, code: string, reason: string, kind: AuditBreak['kind']): AuditBreak {
    this.failure = { position, kind, code, reason };
    return this.failure;
  }
}
