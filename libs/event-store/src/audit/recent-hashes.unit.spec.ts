import { RecentHashes } from './recent-hashes';

const hashOf = (position: number): string => `h${position}`;

describe('RecentHashes', () => {
  const filled = (wanted: readonly number[] = []): RecentHashes => {
    const hashes = new RecentHashes(wanted);
    for (let p = 1; p <= RecentHashes.WINDOW + 10; p++) hashes.set(p, hashOf(p));
    return hashes;
  };

  it('given more positions than the window, then the last WINDOW are held and older ones are not', () => {
    const hashes = filled();
    expect(hashes.get(RecentHashes.WINDOW + 10)).toBe(hashOf(RecentHashes.WINDOW + 10));
    expect(hashes.get(11)).toBe(hashOf(11));
    expect(hashes.get(10)).toBeUndefined();
    expect(hashes.get(1)).toBeUndefined();
  });

  it('given a position not set yet, then it is not held (its ring slot holds an older one)', () => {
    const hashes = filled();
    expect(hashes.get(2 * RecentHashes.WINDOW + 5)).toBeUndefined();
    expect(new RecentHashes().get(1)).toBeUndefined();
  });

  it('given a wanted position, then it is kept after it left the window', () => {
    expect(filled([3]).get(3)).toBe(hashOf(3));
  });
});
