import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where the CLI takes `opa` from, and how it found it (for the report). */
export type OpaLocation = { readonly path: string; readonly from: 'OPA_PATH' | 'PATH' } | undefined;

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** `OPA_PATH` when set (even if it is wrong: the checks then say so), else the first `opa` on PATH. */
export function findOpa(env: NodeJS.ProcessEnv = process.env): OpaLocation {
  const given = env['OPA_PATH']?.trim();
  if (given) return { path: given, from: 'OPA_PATH' };
  const found = (env['PATH'] ?? '').split(delimiter).filter((d) => d.length > 0).map((d) => join(d, 'opa')).find(executable);
  return found ? { path: found, from: 'PATH' } : undefined;
}
