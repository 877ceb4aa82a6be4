import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives memory back once a burst of work is over. V8 keeps the heap a burst grew to (an idle
 * PDP held 112–157 MiB after a load sweep, 13–14 MB of it live) and does not collect while
 * nothing allocates; a sidecar's footprint counts in every pod. `busy()` marks work (a decision,
 * a bundle loaded); `idleMs` after the last of it, a full collection runs. `collect` answers
 * whether the heap settled: V8 shrinks its young generation (32 MB once a burst grew it) only
 * when it measures a low allocation rate, which one collection 10 s after a burst missed in
 * about half of the tries (a second, 5 s later, shrank it in each of 4). So an unsettled heap is collected
 * again, at most `maxCollections` times in all, then nothing more until the next work: an idle
 * PDP has no timer from this. `idleMs` 0 turns it off (EDICT_PDP_IDLE_GC_MS).
 */
export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private lastBusy = 0;
  private collections = 0;

  constructor(
    private readonly idleMs: number,
    private readonly collect: () => boolean | void,
    private readonly now: () => number = Date.now,
    private readonly maxCollections = 3,
  ) {}

  busy(): void {
    if (this.idleMs <= 0) return;
    this.lastBusy = this.now();
    this.collections = 0;
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
      if (quiet < this.idleMs) return this.arm(this.idleMs - quiet);
      this.collections++;
      const settled = this.collect() !== false;
      if (!settled && this.collections < this.maxCollections) this.arm(this.idleMs);
    }, ms);
    this.timer.unref();
  }
}

/** EDICT_PDP_IDLE_GC_MS: how long after the last work the heap is collected (default 10 s; 0: never). */
export function idleGcMsFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env['EDICT_PDP_IDLE_GC_MS'] ?? 10_000);
  return Number.isFinite(value) && value >= 0 ? value : 10_000;
}

/** Past this, V8's young generation (1 MB when it starts, 32 MB once a burst grew it) has not been given back. */
const SETTLED_NEW_SPACE_BYTES = 4 * 1024 * 1024;

/**
 * V8's full collection, without starting Node with --expose-gc (the flag set, then `gc` taken
 * from a fresh context); answers whether the young generation is back to its small size.
 */
export function fullCollection(): () => boolean {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    return young === undefined || young.space_size <= SETTLED_NEW_SPACE_BYTES;
  };
}
