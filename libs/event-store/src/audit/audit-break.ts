import type { ChainFailureCode } from '../chain/chain-verification';

/** What was done to the log, as far as the verifier can tell (docs/event-store.md "Anchoring"). */
export type AuditBreakKind = 'edited' | 'inserted' | 'deleted' | 'reordered' | 'forged-hash' | 'checkpoint-mismatch' | 'malformed';

/** The first place an audited log does not verify. */
export interface AuditBreak {
  /** position of the first event (or signed checkpoint) that does not verify */
  readonly position: number;
  readonly kind: AuditBreakKind;
  /** the chain code (`HASH_MISMATCH` …) or `CHECKPOINT_*` */
  readonly code: string;
  readonly reason: string;
}

/** How a chain failure reads as a break: the most likely edit behind each code. */
export const kindOfChainFailure: Readonly<Record<ChainFailureCode, AuditBreakKind>> = {
  HASH_MISMATCH: 'edited',
  PREVIOUS_HASH_MISMATCH: 'forged-hash',
  POSITION_GAP: 'deleted',
  POSITION_NOT_INCREASING: 'inserted',
  REVISION_GAP: 'reordered',
  MALFORMED: 'malformed',
};
