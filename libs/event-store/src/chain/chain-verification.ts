/** Why a chain did not verify: a machine-readable code beside the human reason. */
export type ChainFailureCode =
  | 'MALFORMED'
  | 'POSITION_NOT_INCREASING'
  | 'POSITION_GAP'
  | 'PREVIOUS_HASH_MISMATCH'
  | 'HASH_MISMATCH'
  | 'REVISION_GAP';

/** The outcome of verifying a run of the global log. */
export type ChainVerification =
  | { readonly ok: true; readonly count: number; readonly head: string }
  | {
      readonly ok: false;
      /** position of the first event that does not verify */
      readonly position: number;
      /** its index in the input */
      readonly index: number;
      readonly code: ChainFailureCode;
      readonly reason: string;
    };

export interface VerifyChainOptions {
  /** hash the first event must link to; GENESIS_HASH (the default) verifies from the log's start */
  readonly previousHash?: string;
  /** position of the event before the first one; 0 (the default) from the log's start */
  readonly previousPosition?: number;
}
