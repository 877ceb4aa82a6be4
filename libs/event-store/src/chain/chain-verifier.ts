import type { StoredEvent } from '../port/event-store.port';
import type { ChainFailureCode, ChainVerification, VerifyChainOptions } from './chain-verification';
import { computeEventHash, GENESIS_HASH } from './hash-chain';
import { malformedReason } from './stored-event.shape';

type Failure = Extract<ChainVerification, { ok: false }>;

/**
 * Verifies the global log one event at a time, so an export of any size can be checked while it
 * is streamed (e.g. NDJSON). Each event must sit at the next position, link to the hash before it,
 * hash to its own `hash`, and continue its stream's revisions. What it cannot see on its own: events
 * cut off the end of the log; compare `head` with a head recorded elsewhere for that.
 */
export class ChainVerifier {
  private lastHash: string;
  private lastPosition: number;
  private readonly fromStart: boolean;
  private readonly revisions = new Map<string, number>();
  private count = 0;
  private failure: Failure | undefined;

  constructor(options: VerifyChainOptions = {}) {
    this.lastHash = options.previousHash ?? GENESIS_HASH;
    this.lastPosition = options.previousPosition ?? 0;
    this.fromStart = this.lastPosition === 0;
  }

  /** Checks the next event; returns the failure once one is found (later events are ignored). */
  push(event: StoredEvent): Failure | undefined {
    if (this.failure) return this.failure;
    const index = this.count;
    const malformed = malformedReason(event);
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
    if (computeEventHash(event.previousHash, event) !== event.hash) {
      return fail('HASH_MISMATCH', 'hash does not match the event content');
    }
    const lastRevision = this.revisions.get(event.streamId) ?? (this.fromStart ? -1 : event.revision - 1);
    if (event.revision !== lastRevision + 1) {
      return fail('REVISION_GAP', `stream ${event.streamId}: revision ${event.revision} follows ${lastRevision}`);
    }
    this.revisions.set(event.streamId, event.revision);
    this.lastHash = event.hash;
    this.lastPosition = event.position;
    this.count += 1;
    return undefined;
  }

  /** The outcome so far: ok with the count and head hash, or the first failure. */
  result(): ChainVerification {
    return this.failure ?? { ok: true, count: this.count, head: this.lastHash };
  }
}
