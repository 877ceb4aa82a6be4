import { createHash } from 'node:crypto';
import type { ServingState } from '@edict/contracts';

/** One serialised serving document and its strong ETag (the SHA-256 of exactly these bytes). */
export interface ServingDocument {
  readonly body: string;
  readonly etag: string;
  /** the rollout stream revision it reflects (-1 for "all") */
  readonly revision: number;
}

export const documentOf = (body: string, revision: number): ServingDocument => ({ body, etag: `"${createHash('sha256').update(body).digest('base64url')}"`, revision });

/**
 * The serving projection's output: one document per policy and one for all, serialised once per
 * change, and a change counter long polls wait on (`wait(seen, ms)` resolves at once when the
 * counter moved past `seen`, so a change between reading and waiting is never missed).
 */
export class ServingDocuments {
  closed = false;
  private readonly policies = new Map<string, ServingDocument>();
  private everything: ServingDocument | undefined;
  private version = 0;
  private readonly waiters = new Set<() => void>();

  seen(): number {
    return this.version;
  }

  set(state: ServingState): void {
    const held = this.policies.get(state.policyId);
    if (held && held.revision > state.revision) return;
    const next = documentOf(JSON.stringify(state), state.revision);
    if (held?.etag === next.etag) return;
    this.policies.set(state.policyId, next);
    this.everything = undefined;
    this.bump();
  }

  of(policyId: string): ServingDocument | undefined {
    return this.policies.get(policyId);
  }

  /** Every policy's document in policy id order, as one JSON array. */
  all(): ServingDocument {
    const ids = [...this.policies.keys()].sort();
    this.everything ??= documentOf(`[${ids.map((id) => this.policies.get(id)?.body).join(',')}]`, -1);
    return this.everything;
  }

  /** Resolves `true` on a change after `seen`, `false` after `ms`, on `abort` or once closed. */
  wait(seen: number, ms: number, abort?: AbortSignal): Promise<boolean> {
    if (this.version !== seen) return Promise.resolve(true);
    if (abort?.aborted || this.closed || ms <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const done = (changed: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        abort?.removeEventListener('abort', aborted);
        resolve(changed);
      };
      const wake = (): void => done(this.version !== seen);
      const aborted = (): void => done(false);
      const timer = setTimeout(() => done(false), ms);
      this.waiters.add(wake);
      abort?.addEventListener('abort', aborted, { once: true });
    });
  }

  /** Shutdown: held long polls answer at once, no new one is held. */
  close(): void {
    this.closed = true;
    this.bump(false);
  }

  private bump(changed = true): void {
    if (changed) this.version += 1;
    for (const wake of [...this.waiters]) wake();
  }
}
