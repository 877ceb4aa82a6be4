/**
 * A counter that says "something may have been appended". A reader notes `version` before it
 * reads and then waits for a change since that version, so a wake-up that arrives while it reads
 * is never lost (it returns at once instead of sleeping through it).
 */
export class WakeSignal {
  private current = 0;
  private readonly waiters = new Set<() => void>();

  get version(): number {
    return this.current;
  }

  bump(): void {
    this.current += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves on a bump after `since`, after `timeoutMs` (the polling fallback), or on abort. */
  wait(since: number, timeoutMs: number, abort: AbortSignal): Promise<void> {
    if (this.current !== since || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        abort.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      abort.addEventListener('abort', done, { once: true });
    });
  }
}
