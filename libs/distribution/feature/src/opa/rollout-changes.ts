import { Injectable, type OnModuleDestroy } from '@nestjs/common';

/**
 * Wakes long polls when a rollout event for a policy arrives (fed by RolloutChangesConsumer from
 * `edict.rollouts.v1`). A counter per policy closes the race between computing what an agent gets
 * and starting to wait: `wait(policyId, seen, ms)` resolves at once when the counter moved past `seen`.
 */
@Injectable()
export class RolloutChanges implements OnModuleDestroy {
  /** set on shutdown: held long polls answer 304 at once instead of holding the server open */
  closed = false;
  private readonly counters = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();

  /** The policy's change counter now; pass it to `wait` after reading the state. */
  seen(policyId: string): number {
    return this.counters.get(policyId) ?? 0;
  }

  notify(policyId: string): void {
    this.counters.set(policyId, this.seen(policyId) + 1);
    const waiting = this.waiters.get(policyId);
    this.waiters.delete(policyId);
    for (const wake of waiting ?? []) wake();
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const policyId of [...this.waiters.keys()]) this.notify(policyId);
  }

  /** Resolves `true` on a change after `seen`, `false` after `ms` or when `abort` fires. */
  wait(policyId: string, seen: number, ms: number, abort?: AbortSignal): Promise<boolean> {
    if (this.seen(policyId) !== seen) return Promise.resolve(true);
    if (abort?.aborted || this.closed) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const set = this.waiters.get(policyId) ?? new Set<() => void>();
      this.waiters.set(policyId, set);
      const done = (changed: boolean): void => {
        clearTimeout(timer);
        set.delete(wake);
        abort?.removeEventListener('abort', aborted);
        resolve(changed);
      };
      const wake = (): void => done(true);
      const aborted = (): void => done(false);
      const timer = setTimeout(() => done(false), ms);
      set.add(wake);
      abort?.addEventListener('abort', aborted, { once: true });
    });
  }
}
