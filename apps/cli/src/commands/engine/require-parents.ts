import type { CompiledBundle } from '@edict/policy-engine';
import { loadParents } from './load-bundle';
import { printProblems } from './format-problem';

/** Loads `--parent` bundles in tier order; prints their problems and throws when one does not compile. */
export async function requireParents(files: readonly string[]): Promise<CompiledBundle[]> {
  const { bundles, failed } = loadParents(files);
  if (failed.length > 0) {
    for (const f of failed) await printProblems(f.problems, f.filename);
    throw new Error(`parent bundle${failed.length > 1 ? 's' : ''} ${failed.map((f) => `'${f.filename}'`).join(', ')} did not validate`);
  }
  return bundles;
}
