import type { StoredEvent } from '../port/event-store.port';
import type { ChainVerification, VerifyChainOptions } from './chain-verification';
import { ChainVerifier } from './chain-verifier';

/**
 * Verifies a contiguous run of the global log (by default from its first event): detects edited,
 * inserted, deleted and reordered events. `{ ok: true, count, head }` gives the hash of the last
 * event (compare it with a published head to also catch events cut off the end);
 * `{ ok: false, position, reason }` names the first event that does not verify.
 */
export function verifyChain(events: Iterable<StoredEvent>, options?: VerifyChainOptions): ChainVerification {
  const verifier = new ChainVerifier(options);
  for (const event of events) {
    if (verifier.push(event)) break;
  }
  return verifier.result();
}
