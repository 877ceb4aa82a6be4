import type { Environment } from '@marcbachmann/cel-js';
import { registerBytesOverloads } from './fixes/bytes-overloads';
import { registerConversionOverloads } from './fixes/conversion-overloads';

/**
 * Functions and overloads the CEL specification has and `@marcbachmann/cel-js` lacks,
 * registered on every environment (docs/policy-language.md "CEL conformance"). Fixes that
 * change what the library's own nodes do are applied per expression, at compile time
 * (fixes/fix-checked-ast.ts), and fixes to the syntax before parsing (fixes/normalize-cel-source.ts).
 */
export function registerCelFixes(env: Environment): void {
  registerConversionOverloads(env);
  registerBytesOverloads(env);
}
