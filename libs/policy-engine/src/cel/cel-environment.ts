import { Environment } from '@marcbachmann/cel-js';
import { Limits } from '../model/limits';
import { registerCelFixes } from './cel-fixes';

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

/** A variable to declare: its name and CEL type (`map`, `int`, `list<string>` ...). */
export interface CelVariableDeclaration {
  readonly name: string;
  readonly type: string;
}

const POLICY_VARIABLES: readonly CelVariableDeclaration[] = CEL_VARIABLES.map((name) => ({ name, type: 'map' }));

/**
 * An environment as conditions get it: declared variables only, parse-time structural limits,
 * Edict's fixes to the library (cel-fixes.ts). The conformance suite builds its environments
 * here too, with each case's variables.
 */
export function createCelEnvironment(variables: readonly CelVariableDeclaration[] = POLICY_VARIABLES): Environment {
  const env = new Environment({
    unlistedVariablesAreDyn: false,
    // CEL types a list or map literal with mixed element types as list<dyn> / map<dyn, dyn>
    homogeneousAggregateLiterals: false,
    limits: { maxAstNodes: Limits.maxConditionNodes, maxDepth: Limits.maxConditionDepth },
  });
  registerCelFixes(env);
  for (const v of variables) env.registerVariable(v.name, v.type);
  return env;
}

/** The one environment policy conditions compile in. */
export const celEnvironment: Environment = createCelEnvironment();
