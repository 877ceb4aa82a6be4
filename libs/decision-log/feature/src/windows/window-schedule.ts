/**
 * When windows close, in epoch ms. Windows are epoch-aligned, `[k·length, (k+1)·length)`, as
 * in the domain aggregator, so every replica and every restart cuts the same windows.
 */

/** The start of the window `ms` falls in. */
export const alignDown = (ms: number, lengthMs: number): number => Math.floor(ms / lengthMs) * lengthMs;

/** Every window that ended at least `graceMs` before `nowMs` may close: they end at or before this instant. */
export const closableThrough = (nowMs: number, lengthMs: number, graceMs: number): number => alignDown(nowMs - graceMs, lengthMs);

/** How long to wait until the next window may close (its end plus the grace); in (0, length]. */
export const msUntilNextClose = (nowMs: number, lengthMs: number, graceMs: number): number =>
  closableThrough(nowMs, lengthMs, graceMs) + lengthMs + graceMs - nowMs;

/** Decisions with `from <= decided_at < to` are closed together. */
export interface CloseRange {
  readonly from: number;
  readonly to: number;
}

/** Where the closer stands, what may close now, and how much to close in one transaction. */
export interface CloseInput {
  /** the checkpoint: every window that ends at or before it is closed; null before the first close */
  readonly closedThroughMs: number | null;
  /** the oldest stored decision's time, or null when none is stored */
  readonly oldestDecisionMs: number | null;
  readonly upToMs: number;
  readonly lengthMs: number;
  readonly maxWindows: number;
}

/**
 * The next range to close, or null when nothing more has ended. Resumes at the checkpoint, so a
 * restart neither skips nor repeats a window; the first close starts at the oldest stored
 * decision's window (nothing stored goes uncounted). At most `maxWindows` windows per range,
 * so a long backlog closes in bounded transactions. The checkpoint never moves backwards.
 * After a change of window length the first window is cut short at the old checkpoint.
 */
export const nextCloseRange = (input: CloseInput): CloseRange | null => {
  const { closedThroughMs: closed, oldestDecisionMs: oldest, upToMs: upTo, lengthMs, maxWindows } = input;
  const from = closed ?? Math.min(oldest === null ? upTo : alignDown(oldest, lengthMs), upTo);
  const to = Math.min(alignDown(from, lengthMs) + maxWindows * lengthMs, upTo);
  // the very first close records its checkpoint even when nothing has ended yet
  if (closed !== null && to <= from) return null;
  return { from, to };
};
