/**
 * What was done to the log, as far as the verifier can tell (docs/event-store.md "Anchoring"):
 * `edited` an event's content changed (its hash no longer matches); `inserted` a line the log
 * never held; `deleted` a position missing (or cut off the end, behind a trusted checkpoint);
 * `reordered` events out of their order; `forged` hashes recomputed to hide a change, or a
 * checkpoint not signed by a trusted key; `malformed` a line that is not an event.
 */
export type AuditBreakKind = 'edited' | 'inserted' | 'deleted' | 'reordered' | 'forged' | 'malformed';

/** The first place an audited log does not verify. */
export interface AuditBreak {
  /** position of the first event (or signed checkpoint) that does not verify */
  readonly position: number;
  readonly kind: AuditBreakKind;
  /** the chain code (`HASH_MISMATCH` …) or `CHECKPOINT_*` */
  readonly code: string;
  readonly reason: string;
}
