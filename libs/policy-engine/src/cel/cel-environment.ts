import { Environment } from '@marcbachmann/cel-js';
import { Limits } from '../model/limits';

/**
 * The CEL variables a condition can read:
 * - `request`: `{ agent, action, resource }` (strings);
 * - `context`: the request's context map (`{}` when the request has none);
 * - `settings`: the bundle's own `spec.settings` (`allowLists`, `limits`, `flags`, each a map).
 * Anything else is a compile error. JSON numbers are CEL doubles (compare freely with ints;
 * for arithmetic write `1.0` or convert with `int()`).
 */
export const CEL_VARIABLES = ['request', 'context', 'settings'] as const;

/** The request fields `request.<field>` may name. */
export const REQUEST_FIELDS: ReadonlySet<string> = new Set(['agent', 'action', 'resource']);

/** One shared environment: declared variables only, parse-time structural limits. */
export const celEnvironment: Environment = new Environment({
  unlistedVariablesAreDyn: false,
  limits: { maxAstNodes: Limits.maxConditionNodes, maxDepth: Limits.maxConditionDepth },
})
  .registerVariable('request', 'map')
  .registerVariable('context', 'map')
  .registerVariable('settings', 'map');
