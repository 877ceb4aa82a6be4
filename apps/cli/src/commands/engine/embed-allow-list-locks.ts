import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';

/** Lock files are small token lists; a bigger one is a mistake, refused before reading. */
const MAX_LOCK_BYTES = 256 * 1024;

const lockNamesOf = (locks: unknown): [string, string][] =>
  typeof locks === 'object' && locks !== null && !Array.isArray(locks)
    ? Object.entries(locks as Record<string, unknown>).flatMap(([name, lock]) => {
        const file = typeof lock === 'object' && lock !== null ? (lock as Record<string, unknown>)['file'] : undefined;
        return typeof file === 'string' ? [[name, file] as [string, string]] : [];
      })
    : [];

function readLock(bundleFile: string, file: string): string | undefined {
  const path = resolve(dirname(bundleFile), file);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  if (Buffer.byteLength(text) > MAX_LOCK_BYTES) throw new Error(`lock file '${path}' is over ${MAX_LOCK_BYTES} bytes`);
  return text;
}

/**
 * The bundle text with each `spec.settings.allowListLocks.<name>.file` (relative to the bundle
 * file) read and embedded as `text`, so the lock travels with the version and validation can
 * compare it. A lock file that does not exist leaves the entry as written (validation then
 * reports it missing, unless `text` was already embedded). Text that does not parse is returned as is.
 */
export function embedAllowListLocks(bundleFile: string, source: string): string {
  const json = bundleFile.toLowerCase().endsWith('.json') || (!/\.ya?ml$/i.test(bundleFile) && source.trimStart().startsWith('{'));
  if (json) {
    let document: { spec?: { settings?: { allowListLocks?: Record<string, Record<string, unknown>> } } };
    try {
      document = JSON.parse(source) as typeof document;
    } catch {
      return source;
    }
    const locks = document.spec?.settings?.allowListLocks;
    const names = lockNamesOf(locks).flatMap(([name, file]) => {
      const text = readLock(bundleFile, file);
      return text === undefined ? [] : [[name, text] as const];
    });
    if (names.length === 0 || locks === undefined) return source;
    for (const [name, text] of names) locks[name] = { ...locks[name], text };
    return `${JSON.stringify(document, null, 2)}\n`;
  }
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return source;
  const locks = doc.getIn(['spec', 'settings', 'allowListLocks']);
  if (!isMap(locks)) return source;
  let changed = false;
  for (const item of locks.items) {
    const name = isScalar(item.key) ? String(item.key.value) : undefined;
    const file = name !== undefined ? doc.getIn(['spec', 'settings', 'allowListLocks', name, 'file']) : undefined;
    if (name === undefined || typeof file !== 'string') continue;
    const text = readLock(bundleFile, file);
    if (text === undefined) continue;
    doc.setIn(['spec', 'settings', 'allowListLocks', name, 'text'], text);
    changed = true;
  }
  return changed ? doc.toString() : source;
}
