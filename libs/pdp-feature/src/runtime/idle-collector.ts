import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives memory back once a burst of work is over. V8 keeps the heap a burst grew to (an idle
 * PDP held 112–157 MiB after a load sweep, 13–14 MB of it live) and does not collect while
 * nothing allocates; a sidecar's footprint counts in every pod. `busy()` marks work (a decision,
 * a bundle loaded); `idleMs` after the last of it, one full collection runs, and nothing more
 * until the next work: an idle PDP has no timer from this. Measured: RSS back to 68–72 MiB.
 * `idleMs` 0 turns it off (EDICT_PDP_IDLE_GC_MS).
 */
export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private lastBusy = 0;

  constructor(
    private readonly idleMs: number,
    private readonly collect: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  busy(): void {
    if (this.idleMs <= 0) return;
    this.lastBusy = this.now();
    if (this.timer === undefined) this.arm(this.idleMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const quiet = this.now() - this.lastBusy;
      if (quiet < this.idleMs) this.arm(this.idleMs - quiet);
      else this.collect();
    }, ms);
    this.timer.unref();
  }
}

/** EDICT_PDP_IDLE_GC_MS: how long after the last work the heap is collected (default 10 s; 0: never). */
export function idleGcMsFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env['EDICT_PDP_IDLE_GC_MS'] ?? 10_000);
  return Number.isFinite(value) && value >= 0 ? value : 10_000;
}

/** V8's full collection, without starting Node with --expose-gc (the flag set, then `gc` taken from a fresh context). */
export function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
