import type { ValidationProblem } from '@edict/contracts';
import { regoPackageOf } from '@edict/opa-bundle';
import { isObject, parseJson } from './opa-json';
import { opaRunFailure, opaUnexpected } from './opa-run-failure';
import type { Opa } from './opa-runner.types';
import { RegoCodes } from './rego-codes';
import { error } from './rego-check-result';
import { isUnderRoot, refSegments } from './rego-ref-path';

/** The 1-based line of the first `package` declaration in a module, for the finding's location. */
const packageLine = (source: string | undefined): number | undefined => {
  const index = (source ?? '').split('\n').findIndex((line) => /^\s*package\s/.test(line));
  return index < 0 ? undefined : index + 1;
};

/**
 * Asks `opa inspect` for the package of every module (OPA's parser, not a regex) and reports each
 * module whose package is outside `root`. Run it only on modules that `opa check` accepted.
 */
export async function packageRootFindings(opa: Opa, root: string, modules: Readonly<Record<string, string>>): Promise<ValidationProblem[]> {
  const run = await opa(['inspect', '--format', 'json', '.']);
  if (run.kind !== 'exited') return [opaRunFailure(run, 'inspect')];
  const report = parseJson(run.stdout);
  const namespaces = isObject(report) ? report['namespaces'] : undefined;
  if (run.code !== 0 || !isObject(namespaces)) return [opaUnexpected('inspect', run.code, run.stderr || run.stdout)];
  const wanted = regoPackageOf(root);
  return Object.entries(namespaces).flatMap(([ref, files]) => {
    const segments = refSegments(ref);
    if (segments !== undefined && isUnderRoot(segments, root)) return [];
    const regoFiles = (Array.isArray(files) ? files : []).filter((f): f is string => typeof f === 'string' && f.endsWith('.rego'));
    return regoFiles.map((file) => {
      const line = packageLine(modules[file]);
      const message = `package ${ref.replace(/^data\./, '')} is outside the policy's OPA root ${root}: use package ${wanted} or one below it (tests too, e.g. ${wanted}.tests)`;
      return error(RegoCodes.PACKAGE_OUTSIDE_ROOT, message, { file, ...(line ? { line, column: 1 } : {}) });
    });
  });
}
