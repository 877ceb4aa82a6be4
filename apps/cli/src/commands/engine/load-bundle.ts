import { compileBundle, createLocator, Limits, locateProblems, PolicyCodes, validateBundleText } from '@edict/policy-engine';
import type { BundleProblem, CompiledBundle, Locator } from '@edict/policy-engine';
import { readFileSync } from 'node:fs';
import { embedAllowListLocks } from './embed-allow-list-locks';
import { fileSize } from './read-text-file';

/** A bundle file read, validated and compiled, or the problems that stopped it. */
export type LoadedBundle =
  | { readonly ok: true; readonly filename: string; readonly compiled: CompiledBundle; readonly document: unknown; readonly text: string; readonly locate: Locator; readonly problems: readonly BundleProblem[] }
  | { readonly ok: false; readonly filename: string; readonly problems: readonly BundleProblem[] };

/** Reads a bundle file (refusing one over the size limit before reading it) and compiles it. */
export function loadBundle(filename: string): LoadedBundle {
  const size = fileSize(filename, 'bundle');
  if (size > Limits.maxBundleBytes) {
    return { ok: false, filename, problems: [{ code: PolicyCodes.BUNDLE_TOO_LARGE, severity: 'error', filename, message: `bundle is ${size} bytes; the limit is ${Limits.maxBundleBytes} bytes (1 MiB)` }] };
  }
  // lock files named by the bundle are embedded as `bundle draft` does, so offline checks see what the service will;
  // problems are located in the file as written, not in the embedded text
  const original = readFileSync(filename, 'utf8');
  const text = embedAllowListLocks(filename, original);
  const validated = validateBundleText(text, { filename });
  const relocate = (problems: readonly BundleProblem[]): BundleProblem[] =>
    text === original ? [...problems] : locateProblems(problems, createLocator(original), { filename });
  if (!validated.ok) return { ok: false, filename, problems: relocate(validated.problems) };
  return { ok: true, filename, compiled: compileBundle(validated.document), document: validated.document, text, locate: validated.locate, problems: relocate(validated.problems) };
}

/** Loads parent bundles and orders them org → team → project; throws when one does not compile. */
export function loadParents(filenames: readonly string[]): { bundles: CompiledBundle[]; failed: LoadedBundle[] } {
  const loaded = filenames.map(loadBundle);
  const rank = { org: 0, team: 1, project: 2 } as const;
  const bundles = loaded.flatMap((l) => (l.ok ? [l.compiled] : [])).sort((a, b) => rank[a.tier] - rank[b.tier]);
  return { bundles, failed: loaded.filter((l) => !l.ok) };
}
