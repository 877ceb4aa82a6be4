import type { ChainFailureCode } from '../chain/chain-verification';
import { computeEventHash } from '../chain/hash-chain';
import type { StoredEvent } from '../port/event-store.port';
import type { AuditBreak } from './audit-break';

/** Where the chain first failed, and what surrounds it: one event of look-ahead tells the kinds apart. */
export interface ChainBreakContext {
  readonly code: ChainFailureCode;
  readonly reason: string;
  /** the event that failed */
  readonly failed: StoredEvent;
  /** the position the chain expected there (the last good position + 1) */
  readonly expected: number;
  /** the last event that verified, and the one before it */
  readonly last?: StoredEvent;
  readonly beforeLast?: StoredEvent;
  /** the event after the failed one, when there is one */
  readonly next?: StoredEvent;
}

const linksTo = (event: StoredEvent | undefined, hash: string | undefined): boolean => event !== undefined && hash !== undefined && event.previousHash === hash;
const selfConsistent = (event: StoredEvent): boolean => computeEventHash(event.previousHash, event) === event.hash;

/**
 * Names the break behind a chain failure, reading what an edit of an NDJSON export (or of the
 * table) leaves behind: a line whose successor links around it was inserted; a missing position
 * that the next line fills was reordered, one that nothing fills was deleted; an event whose
 * content no longer hashes was edited; a self-consistent event that does not link to the one
 * before it means that one's hash was recomputed (forged).
 */
export function classifyChainBreak(c: ChainBreakContext): AuditBreak {
  const at = (position: number, kind: AuditBreak['kind'], reason = c.reason): AuditBreak => ({ position, kind, code: c.code, reason });
  const lastHash = c.last?.hash ?? c.failed.previousHash;
  switch (c.code) {
    case 'MALFORMED':
      return at(c.expected, 'malformed');
    case 'POSITION_GAP':
      if (c.next && c.next.position === c.expected) return at(c.expected, 'reordered', `position ${c.failed.position} comes before ${c.expected}`);
      return at(c.expected, 'deleted', `position ${c.expected} is missing (${c.reason})`);
    case 'POSITION_NOT_INCREASING':
      return at(c.failed.position, 'inserted', `a second event at position ${c.failed.position} (${c.reason})`);
    case 'PREVIOUS_HASH_MISMATCH':
      if (c.next && c.next.position === c.failed.position && linksTo(c.next, lastHash)) return at(c.failed.position, 'inserted', `an extra event at position ${c.failed.position}: the next one links around it`);
      if (c.last && linksTo(c.failed, c.beforeLast?.hash)) return at(c.last.position, 'inserted', `position ${c.last.position} was slipped in: position ${c.failed.position} links to the event before it`);
      if (c.last && selfConsistent(c.failed)) return at(c.last.position, 'forged', `the hash at position ${c.last.position} was recomputed: position ${c.failed.position} links to another one`);
      return at(c.failed.position, 'edited');
    case 'HASH_MISMATCH':
      if (linksTo(c.next, lastHash)) return at(c.failed.position, 'inserted', `an extra event at position ${c.failed.position}: the next one links around it`);
      return at(c.failed.position, 'edited', `position ${c.failed.position}: ${c.reason}`);
    case 'REVISION_GAP':
      return at(c.failed.position, 'reordered');
  }
}
