import type { StoredEvent } from '../port/event-store.port';
import type { ChainFailureCode, ChainVerification, VerifyChainOptions } from './chain-verification';
import { computeEventHash, GENESIS_HASH } from './hash-chain';
import { malformedFieldsReason, malformedHashes } from './stored-event.shape';

type Failure = Extract<ChainVerification, { ok: false }>;

/** An event that cannot be hashed (not JSON: a bigint, a non-finite number) throws later, where it always did. */
const hashOrUndefined = (event: StoredEvent): string | undefined => {
  try {
    return computeEventHash(event.previousHash, event);
  } catch {
    return undefined;
  }
};

/**
 * Verifies the global log one event at a time, so an export of any size can be checked while it
 * is streamed (e.g. NDJSON). Each event must sit at the next position, link to the hash before it,
 * hash to its own `hash`, and continue its stream's revisions. What it cannot see on its own: events
 * cut off the end of the log; compare `head` with a head recorded elsewhere for that.
 */
export class ChainVerifier {
  private lastHash: string;
  /** lastHash is 64 lower-case hex (always, after the first verified event) */
  private lastHashIsHex: boolean;
  private lastPosition: number;
  private readonly fromStart: boolean;
  private readonly revisions = new Map<string, number>();
  private count = 0;
  private failure: Failure | undefined;

  constructor(options: VerifyChainOptions = {}) {
    this.lastHash = options.previousHash ?? GENESIS_HASH;
    this.lastHashIsHex = /^[0-9a-f]{64}$/.test(this.lastHash);
    this.lastPosition = options.previousPosition ?? 0;
    this.fromStart = this.lastPosition === 0;
  }

  /** Checks the next event; returns the failure once one is found (later events are ignored). */
  push(event: StoredEvent): Failure | undefined {
    if (this.failure) return this.failure;
    const index = this.count;
    const fieldsMalformed = malformedFieldsReason(event);
    // The usual event links to the (hex) hash before it and hashes to its own hash: both are then
    // known 64-hex values, so the shape's hex check (a visible cost per event) is skipped. Any
    // other event gets the full check first, so every failure is reported as before.
    const computed = fieldsMalformed === undefined && this.lastHashIsHex && event.previousHash === this.lastHash ? hashOrUndefined(event) : undefined;
    const malformed = fieldsMalformed ?? (computed !== undefined && computed === event.hash ? undefined : malformedHashes(event));
    // A malformed event may have no usable position: report the one it should have had.
    const position = malformed ? this.lastPosition + 1 : event.position;
    const fail = (code: ChainFailureCode, reason: string): Failure =>
      (this.failure = { ok: false, position, index, code, reason });
    if (malformed) return fail('MALFORMED', malformed);
    const expected = this.lastPosition + 1;
    if (event.position <= this.lastPosition) {
      return fail('POSITION_NOT_INCREASING', `position ${event.position} follows ${this.lastPosition}`);
    }
    if (event.position !== expected) return fail('POSITION_GAP', `position ${event.position} where ${expected} was expected`);
    if (event.previousHash !== this.lastHash) {
      return fail('PREVIOUS_HASH_MISMATCH', `previousHash does not match the hash at position ${this.lastPosition}`);
    }
    if ((computed ?? computeEventHash(event.previousHash, event)) !== event.hash) {
      return fail('HASH_MISMATCH', 'hash does not match the event content');
    }
    const lastRevision = this.revisions.get(event.streamId) ?? (this.fromStart ? -1 : event.revision - 1);
    if (event.revision !== lastRevision + 1) {
      return fail('REVISION_GAP', `stream ${event.streamId}: revision ${event.revision} follows ${lastRevision}`);
    }
    this.revisions.set(event.streamId, event.revision);
    this.lastHash = event.hash;
    this.lastHashIsHex = true;
    this.lastPosition = event.position;
    this.count += 1;
    return undefined;
  }

  /** The outcome so far: ok with the count and head hash, or the first failure. */
  result(): ChainVerification {
    return this.failure ?? { ok: true, count: this.count, head: this.lastHash };
  }
}
