import { opaBundleError } from './opa-bundle-error';
import { regoRootOf } from './rego-root';

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** `a/b` contains `a/b` and `a/b/c`, not `a/bc` (OPA's `RootPathsContain`, by segments). */
export const rootContains = (root: readonly string[], path: readonly string[]): boolean =>
  root.length <= path.length && root.every((segment, i) => segment === path[i]);

/**
 * The `.manifest` roots of a policy's bundle: its own root first, then the extra roots, deduplicated and sorted.
 * Refuses a root that is empty or not `segment/segment…` (letters, digits, `_`, `-`) with
 * `OPA_BUNDLE.ROOT_INVALID` (so is an extra root under `edict/`), and two roots where one contains the other (OPA refuses such a
 * manifest too) with `OPA_BUNDLE.ROOTS_OVERLAP`.
 */
export function bundleRoots(policyId: string, extra: readonly string[] = []): string[] {
  const own = regoRootOf(policyId);
  const roots = [own, ...[...new Set(extra)].filter((root) => root !== own).sort()];
  for (const root of roots) {
    if (!root.split('/').every((segment) => SEGMENT.test(segment))) {
      throw opaBundleError('OPA_BUNDLE.ROOT_INVALID', `'${root}' is not a bundle root: use slash-separated segments of letters, digits, '_' and '-'`, { root });
    }
    // edict/… belongs to policies, one root each: an extra root there would claim another policy's
    if (root !== own && root.split('/')[0] === own.split('/')[0]) {
      throw opaBundleError('OPA_BUNDLE.ROOT_INVALID', `'${root}' is under '${own.split('/')[0]!}/', which only holds policy roots`, { root });
    }
  }
  roots.forEach((a, i) =>
    roots.slice(i + 1).forEach((b) => {
      if (rootContains(a.split('/'), b.split('/')) || rootContains(b.split('/'), a.split('/'))) {
        throw opaBundleError('OPA_BUNDLE.ROOTS_OVERLAP', `the roots '${a}' and '${b}' overlap`, { roots: [a, b] });
      }
    }),
  );
  return roots;
}
