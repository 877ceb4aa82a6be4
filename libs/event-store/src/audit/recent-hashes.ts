/**
 * The hashes a verifier may still need: the last WINDOW positions (a checkpoint signs a head
 * just behind it) and the positions of anchors known in advance. Bounded, so verifying a log of
 * any size takes constant memory. Positions are set in log order, one after another (the
 * verifier sets each only once the chain holds there): a ring of WINDOW slots, not a Map, since
 * a Map's set and delete per event were a visible part of verifying a million events.
 */
export class RecentHashes {
  static readonly WINDOW = 100_000;
  private readonly hashes = new Array<string | undefined>(RecentHashes.WINDOW);
  private readonly positions = new Float64Array(RecentHashes.WINDOW);
  private latest = 0;
  private readonly kept = new Map<number, string>();
  private readonly wanted: ReadonlySet<number>;

  constructor(wanted: readonly number[] = []) {
    this.wanted = new Set(wanted);
  }

  set(position: number, hash: string): void {
    if (this.wanted.has(position)) this.kept.set(position, hash);
    const slot = position % RecentHashes.WINDOW;
    this.hashes[slot] = hash;
    this.positions[slot] = position;
    if (position > this.latest) this.latest = position;
  }

  get(position: number): string | undefined {
    const slot = position % RecentHashes.WINDOW;
    const recent = position > this.latest - RecentHashes.WINDOW && this.positions[slot] === position ? this.hashes[slot] : undefined;
    return recent ?? this.kept.get(position);
  }
}
