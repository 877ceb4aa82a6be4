import { ValidationError } from '@edict/core';

/** The longest `Prefer: wait=N` distribution holds a request for (EDICT_OPA_MAX_WAIT_SECONDS, default 300). */
export const maxWaitSeconds = (env: NodeJS.ProcessEnv = process.env): number => {
  const value = Number(env['EDICT_OPA_MAX_WAIT_SECONDS'] ?? 300);
  return Number.isInteger(value) && value > 0 ? value : 300;
};

/**
 * The `wait=N` preference OPA's long-polling downloader sends (`Prefer: modes=snapshot,delta;wait=N`),
 * in seconds; undefined without one. Anything but a whole number from 1 to `max` is 400
 * `OPA.PREFER_WAIT_INVALID` (other preferences are ignored, as RFC 7240 asks).
 */
export function preferWait(prefer: string | undefined, max: number): number | undefined {
  if (!prefer) return undefined;
  const wait = prefer
    .split(/[;,]/)
    .map((part) => part.trim())
    .find((part) => /^wait\s*=/i.test(part));
  if (wait === undefined) return undefined;
  const raw = wait.slice(wait.indexOf('=') + 1).trim().replace(/^"(.*)"$/, '$1');
  const seconds = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(seconds >= 1 && seconds <= max)) {
    throw new ValidationError('OPA.PREFER_WAIT_INVALID', `Prefer: wait=${raw} is out of range: a whole number of seconds from 1 to ${max}`, { wait: raw, max });
  }
  return seconds;
}
