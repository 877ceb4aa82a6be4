import { readFileSync, statSync } from 'node:fs';

/** Size of a regular file in bytes; a clear error when it is missing or not a file. */
export function fileSize(path: string, what: string): number {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error(`${what} '${path}' is not a file`);
    return stat.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${what} '${path}' does not exist`);
    throw e;
  }
}

/** Reads a UTF-8 file, refusing one over `maxBytes` before reading it (a clear error, not an OOM). */
export function readTextFile(path: string, maxBytes: number, what: string): string {
  const size = fileSize(path, what);
  if (size > maxBytes) throw new Error(`${what} '${path}' is ${size} bytes; the limit is ${maxBytes} bytes`);
  return readFileSync(path, 'utf8');
}
