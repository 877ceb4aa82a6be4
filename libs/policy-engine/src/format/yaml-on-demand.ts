import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The yaml library, loaded the first time a text is parsed: a process that only compiles bundles
 * it received as JSON (a PDP) never loads its 72 modules (~1.5 MB).
 */
export const yaml = (): typeof Yaml => (loaded ??= createRequire(__filename)('yaml') as typeof Yaml);
