import { createRequire } from 'node:module';

/** The kafkajs version whose internals the fixes beside this file were written against. */
export const PATCHED_KAFKAJS_VERSION = '2.2.4';

const load = createRequire(__filename);

/**
 * The prototype of kafkajs's RequestQueue (one per broker connection), for the fixes to patch;
 * `undefined` unless the installed kafkajs is 2.2.4 and its prototype has every method named in
 * `methods` (another version is left as it is, never patched blind).
 */
export function requestQueuePrototype<Q extends object>(methods: readonly string[]): Q | undefined {
  const { version } = load('kafkajs/package.json') as { version: string };
  if (version !== PATCHED_KAFKAJS_VERSION) return undefined;
  const queue = load('kafkajs/src/network/requestQueue/index.js') as { prototype?: Record<string, unknown> };
  const prototype = queue.prototype;
  if (!prototype || !methods.every((name) => typeof prototype[name] === 'function')) return undefined;
  return prototype as Q;
}
