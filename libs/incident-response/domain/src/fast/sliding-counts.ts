/** What one decision adds to a window. */
export interface DecisionOutcome {
  readonly deny: boolean;
  readonly error: boolean;
  readonly noMatch: boolean;
}

export interface WindowCounts {
  readonly total: number;
  readonly denies: number;
  readonly errors: number;
  readonly noMatches: number;
  /** the span the counts cover: [startMs, endMs) */
  readonly startMs: number;
  readonly endMs: number;
}

interface Bucket { total: number; denies: number; errors: number; noMatches: number }

/**
 * Counts over a sliding window of event time (the decisions' own timestamps), in buckets of
 * spanMs / buckets: `totals()` covers the last `spanMs` before the newest decision seen. Older
 * buckets are dropped as time moves on; a decision older than the window is not counted.
 * No clock and no I/O: time comes with the decisions.
 */
export class SlidingCounts {
  private readonly bucketMs: number;
  private readonly buckets = new Map<number, Bucket>();
  private newestMs = Number.NEGATIVE_INFINITY;

  constructor(readonly spanMs: number, bucketCount = 10) {
    if (!(spanMs > 0) || !(bucketCount >= 1)) throw new RangeError('span and bucket count must be positive');
    this.bucketMs = Math.max(1, Math.floor(spanMs / bucketCount));
  }

  add(atMs: number, outcome: DecisionOutcome): void {
    if (!Number.isFinite(atMs)) return;
    this.newestMs = Math.max(this.newestMs, atMs);
    const oldest = this.oldestBucket();
    const key = Math.floor(atMs / this.bucketMs);
    if (key < oldest) return;
    const b = this.buckets.get(key) ?? { total: 0, denies: 0, errors: 0, noMatches: 0 };
    b.total += 1;
    if (outcome.deny) b.denies += 1;
    if (outcome.error) b.errors += 1;
    if (outcome.noMatch) b.noMatches += 1;
    this.buckets.set(key, b);
    for (const k of this.buckets.keys()) if (k < oldest) this.buckets.delete(k);
  }

  totals(): WindowCounts {
    const oldest = this.oldestBucket();
    const sum = { total: 0, denies: 0, errors: 0, noMatches: 0 };
    for (const [k, b] of this.buckets) {
      if (k < oldest) continue;
      sum.total += b.total; sum.denies += b.denies; sum.errors += b.errors; sum.noMatches += b.noMatches;
    }
    const endMs = Number.isFinite(this.newestMs) ? (Math.floor(this.newestMs / this.bucketMs) + 1) * this.bucketMs : 0;
    return { ...sum, startMs: endMs - (this.spanMs - (this.spanMs % this.bucketMs)), endMs };
  }

  private oldestBucket(): number {
    return Math.floor(this.newestMs / this.bucketMs) - Math.floor(this.spanMs / this.bucketMs) + 1;
  }
}
