import { printProblems } from './format-problem';
import { loadBundle, type LoadedBundle } from './load-bundle';

/**
 * Loads a bundle the command works on; when it does not load, prints its problems, sets exit
 * code 1 and returns undefined, so that each command states only what it does with the bundle.
 */
export async function loadOrReport(file: string): Promise<Extract<LoadedBundle, { ok: true }> | undefined> {
  const loaded = loadBundle(file);
  if (loaded.ok) return loaded;
  process.exitCode = 1;
  await printProblems(loaded.problems, file);
  return undefined;
}
