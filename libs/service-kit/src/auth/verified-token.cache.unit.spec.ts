import { VerifiedTokenCache } from './verified-token.cache';

describe('VerifiedTokenCache', () => {
  const alice = { subject: 'alice', roles: ['author' as const], teams: [] };

  it('returns a verified principal until its token expires', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.set('t1', alice, 1_060); // exp in seconds: 60 s after now
    expect(cache.get('t1')).toBe(alice);
    now = 1_060_000;
    expect(cache.get('t1')).toBeUndefined();
  });

  it('keeps nothing for a token without exp, and drops the oldest when full', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.set('no-exp', alice, undefined);
    expect(cache.get('no-exp')).toBeUndefined();
    cache.set('a', alice, 100);
    cache.set('b', alice, 100);
    cache.set('c', alice, 100);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(alice);
    expect(cache.get('c')).toBe(alice);
  });
});
