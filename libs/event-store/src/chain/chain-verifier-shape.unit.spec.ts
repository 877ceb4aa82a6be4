import { aValidLog } from './chain.fixtures';
import { ChainVerifier } from './chain-verifier';
import { computeEventHash } from './hash-chain';
import { verifyChain } from './verify-chain';

// The verifier skips the hex check of hash and previousHash when both equal hashes it computed
// or verified; a malformed hash must still be MALFORMED, before any other check, as always.
describe('ChainVerifier: the shape of hash and previousHash', () => {
  it('given a hash in upper case that otherwise matches, then it fails with MALFORMED, not HASH_MISMATCH', () => {
    const log = aValidLog(3);
    const upper = { ...log[1]!, hash: log[1]!.hash.toUpperCase() };

    expect(verifyChain([log[0]!, upper, log[2]!])).toMatchObject({ ok: false, position: 2, code: 'MALFORMED' });
  });

  it('given a previousHash in upper case, then it fails with MALFORMED, not PREVIOUS_HASH_MISMATCH', () => {
    const log = aValidLog(3);
    const upper = { ...log[1]!, previousHash: log[1]!.previousHash.toUpperCase() };

    expect(verifyChain([log[0]!, upper, log[2]!])).toMatchObject({ ok: false, position: 2, code: 'MALFORMED' });
  });

  it('given a malformed hash and a position gap, then the shape is reported first', () => {
    const log = aValidLog(4);
    const both = { ...log[2]!, hash: 'short' };

    expect(verifyChain([log[0]!, both])).toMatchObject({ ok: false, position: 2, code: 'MALFORMED' });
  });

  it('given a starting hash that is not hex and an event linking to it and hashed over it, then the event is MALFORMED', () => {
    const [first] = aValidLog(1);
    const linked = { ...first!, previousHash: 'not-hex', hash: computeEventHash('not-hex', first!) };
    const verifier = new ChainVerifier({ previousHash: 'not-hex', previousPosition: 0 });

    expect(verifier.push(linked)).toMatchObject({ ok: false, code: 'MALFORMED' });
  });
});
