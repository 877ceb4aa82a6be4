/** How far one partition of the decisions topic is known to be consumed and stored. */
export interface PartitionProgress {
  readonly partition: number;
  /** every message up to the high watermark is stored (committed offset ≥ high watermark) */
  readonly caughtUp: boolean;
  /** the newest decision timestamp stored from this partition (epoch ms), null if none yet */
  readonly maxEventMs: number | null;
}

/**
 * The event-time watermark (epoch ms): the oldest position every partition has reached. A
 * caught-up partition (nothing left to consume) does not hold it back: it stands at `nowMs`, the
 * instant its offsets were read. A lagging partition stands at the newest decision stored from it.
 * Unknown (null) until every one of the topic's `partitionCount` partitions has reported (caught
 * up or a stored decision): a restarted decision-log closes nothing before it knows.
 */
export const watermarkOf = (progress: readonly PartitionProgress[], partitionCount: number, nowMs: number): number | null => {
  if (partitionCount <= 0) return null;
  let watermark = Number.POSITIVE_INFINITY;
  for (let p = 0; p < partitionCount; p++) {
    const at = progress.find((x) => x.partition === p);
    const position = at?.caughtUp ? nowMs : at?.maxEventMs ?? null;
    if (position === null) return null;
    watermark = Math.min(watermark, position);
  }
  return watermark;
};

/**
 * Windows ending at or before this instant may close: the watermark less the allowed lateness,
 * aligned down to the window grid (epoch-aligned windows of `lengthMs`).
 */
export const closableThrough = (watermarkMs: number, allowedLatenessMs: number, lengthMs: number): number =>
  Math.floor((watermarkMs - allowedLatenessMs) / lengthMs) * lengthMs;
