import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv, { type Options } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';

/** Set to 1 to (re)write the generated validators instead of checking them: `npm run generate:validators`. */
export const WRITE_VALIDATORS_VARIABLE = 'EDICT_WRITE_VALIDATORS';

/**
 * The source of a validator ajv compiles ahead of time (its standalone code), as a TypeScript
 * module exporting `validate`: what a service loads instead of ajv's compiler and a compile at
 * start (ajv and a compiled schema cost a process ~13 MB of memory; the generated module ~1).
 * `schema` names where the schema lives, for the header.
 */
export function standaloneValidatorSource(schema: object, options: Options, from: string): string {
  const ajv = new Ajv({ ...options, code: { source: true, esm: true } });
  // non-ASCII (in the schema's descriptions) as \u escapes: one such character makes V8 keep the
  // whole module's source as two-byte text (the bundle schema's, twice as large in the heap)
  const code = standaloneCode(ajv, ajv.compile(schema)).replace(/[^ -~\t\n\r]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [
    `// Generated from ${from} by ajv's standalone code (options ${JSON.stringify(options)}).`,
    `// Do not edit: \`npm run generate:validators\` rewrites it; a unit spec fails when it is out of date.`,
    '/* eslint-disable */',
    '// @ts-nocheck',
    code,
    '',
  ].join('\n');
}

/**
 * Checks that the generated validator at `file` is what ajv generates today, or rewrites it when
 * EDICT_WRITE_VALIDATORS=1. Returns the difference to report: undefined when current.
 */
export function generatedValidatorDrift(file: string, source: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env[WRITE_VALIDATORS_VARIABLE] === '1') {
    writeFileSync(file, source);
    return undefined;
  }
  if (!existsSync(file)) return `${file} does not exist: run \`npm run generate:validators\``;
  return readFileSync(file, 'utf8') === source ? undefined : `${file} is out of date with its schema or with ajv: run \`npm run generate:validators\``;
}
