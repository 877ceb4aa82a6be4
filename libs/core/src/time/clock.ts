/** Time is injected (STYLE.md §11) so that decisions and audit events are deterministic in tests. */
export interface Clock {
  now(): Date;
}

/** Ids are injected for the same reason. */
export interface IdGenerator {
  next(): string;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
