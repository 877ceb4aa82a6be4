import { randomBytes } from 'node:crypto';

/**
 * `<prefix>-<time>-<random>`, lower case: a fresh topic, stream, group or database name per
 * test (STYLE.md §6), unique across parallel workers and reruns against the same broker.
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
