import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tail } from './run-command';

/** The last lines of each existing file, headed by its name: the diagnostics of a failed start. */
export function logTails(files: readonly string[], maxLines = 30): string {
  return files
    .filter((file) => existsSync(file))
    .map((file) => `--- last lines of ${basename(file)} (${file}) ---\n${tail(readFileSync(file, 'utf8'), maxLines)}`)
    .join('\n');
}
