import type { ValidationProblem } from '@edict/contracts';
import { RegoCodes } from './rego-codes';
import { error } from './rego-check-result';

const segment = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const MAX_NAME_LENGTH = 256;
const MAX_DEPTH = 8;

/**
 * Why a module file name is refused, or undefined when it is a plain relative `*.rego` path:
 * segments of letters, digits, `_`, `-` and `.` that do not start with `.` or `-` (so no `..`,
 * no hidden files), `/` between them, no absolute path, no backslash.
 */
export function moduleNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return `must be 1 to ${MAX_NAME_LENGTH} characters`;
  if (!name.endsWith('.rego')) return 'must end in .rego';
  if (name.startsWith('/')) return 'must be a relative path';
  const segments = name.split('/');
  if (segments.length > MAX_DEPTH) return `must be at most ${MAX_DEPTH} levels deep`;
  const bad = segments.find((s) => !segment.test(s));
  if (bad !== undefined) return `has the path segment '${bad}'; use letters, digits, '_', '-' and '.', not starting with '.' or '-'`;
  return undefined;
}

/** One error finding for each module name that is refused. */
export function checkModuleNames(names: readonly string[]): ValidationProblem[] {
  return names.flatMap((name) => {
    const why = moduleNameProblem(name) ?? (names.some((other) => other.startsWith(`${name}/`)) ? 'is also the folder of another module' : undefined);
    return why === undefined ? [] : [error(RegoCodes.MODULE_NAME_INVALID, `module file name ${JSON.stringify(name)} is refused: it ${why}`, { file: name })];
  });
}
