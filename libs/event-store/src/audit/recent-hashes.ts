/**
 * The hashes a verifier may still need: the last WINDOW positions (a checkpoint signs a head
 * just behind it) and the positions of anchors known in advance. Bounded, so verifying a log of
 * any size takes constant memory.
 */
export class RecentHashes {
  static readonly WINDOW = 100_000;
  private readonly recent = new Map<number, string>();
  private readonly kept = new Map<number, string>();
  private readonly wanted: ReadonlySet<number>;

  constructor(wanted: readonly number[] = []) {
    this.wanted = new Set(wanted);
  }

  set(position: number, hash: string): void {
    if (this.wanted.has(position)) this.kept.set(position, hash);
    this.recent.set(position, hash);
    if (this.recent.size > RecentHashes.WINDOW) this.recent.delete(position - RecentHashes.WINDOW);
  }

  get(position: number): string | undefined {
    return this.recent.get(position) ?? this.kept.get(position);
  }
}
