import type { Principal } from './principal';

interface Entry {
  readonly principal: Principal;
  readonly expiresAtMs: number;
}

/**
 * Tokens already verified, until they expire: a caller (a service calling the PDP, a CLI) sends
 * the same token many times, and verifying its signature each time costs more than the decision
 * it carries. Only tokens with an `exp` are kept; an entry is dropped once expired. Bounded: the
 * oldest entries go first (a Map keeps insertion order).
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 10_000, private readonly now: () => number = Date.now) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  set(token: string, principal: Principal, expSeconds: number | undefined): void {
    if (expSeconds === undefined) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { principal, expiresAtMs: expSeconds * 1000 });
  }
}
