import type { Clock } from '@edict/core';

/**
 * `clock.now().toISOString()`, formatted once per millisecond: formatting a Date costs about a
 * microsecond, and a busy decision point stamps many decisions within the same millisecond.
 */
export class IsoTimestamps {
  private last = { ms: Number.NaN, iso: '' };

  constructor(private readonly clock: Clock) {}

  now(): string {
    const now = this.clock.now();
    const ms = now.getTime();
    // an invalid Date (NaN) never equals the last one, so it still throws as toISOString does
    if (ms !== this.last.ms) this.last = { ms, iso: now.toISOString() };
    return this.last.iso;
  }
}
