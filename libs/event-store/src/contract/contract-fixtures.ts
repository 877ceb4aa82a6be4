import { randomBytes } from 'node:crypto';
import type { EventStore, NewEvent } from '../port/event-store.port';

/** A category nobody else uses (letters and digits only: a '-' would end the category). */
export const uniqueCategory = (prefix = 'c'): string => `${prefix}${randomBytes(5).toString('hex')}`;

/** A stream id in its own fresh category unless one is given. */
export const uniqueStreamId = (category = uniqueCategory()): string => `${category}-${randomBytes(4).toString('hex')}`;

export const anEvent = (type: string, data: unknown = { at: type }): NewEvent => ({ type, data, metadata: { actor: 'contract' } });

export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The position of the last event in the log (0 when empty). */
export async function headPosition(store: EventStore): Promise<number> {
  const all = await store.readAll({ after: 0 });
  return all[all.length - 1]?.position ?? 0;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Polls until `check` holds, or fails with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}
