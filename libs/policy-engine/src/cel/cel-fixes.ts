import type { Environment } from '@marcbachmann/cel-js';

/**
 * Functions and overloads the CEL specification has and `@marcbachmann/cel-js` lacks,
 * registered on every environment (docs/policy-language.md "CEL conformance").
 */
export function registerCelFixes(env: Environment): void {
  void env;
}
