import { checkTightenOnly, lintBundle, locateProblems } from '@edict/policy-engine';
import type { BundleProblem } from '@edict/policy-engine';
import type { Command } from 'commander';
import { collect } from './collect-option';
import { formatProblem } from './format-problem';
import { loadOrReport } from './load-or-report';
import { requireParents } from './require-parents';
import { writeLines, writeOut } from './write-output';

/**
 * `edict lint <bundle> [--parent <bundle> ...]`: lint findings, then tighten-only against the
 * parents. Exit 1 when any finding is an error.
 */
export function registerLintCommand(program: Command): void {
  program
    .command('lint')
    .description('lint a bundle and check that it only tightens its parent tiers')
    .argument('<bundle>', 'bundle file')
    .option('--parent <bundle>', 'a parent tier bundle (repeatable)', collect, [])
    .option('--json', 'print the findings as JSON')
    .action(async (file: string, opts: { parent: string[]; json?: boolean }) => {
      const parents = await requireParents(opts.parent);
      const loaded = await loadOrReport(file);
      if (!loaded) return;
      const lint = locateProblems(lintBundle(loaded.document), loaded.locate, { filename: file });
      const tighten = locateProblems(checkTightenOnly(loaded.compiled, parents), loaded.locate, { filename: file });
      const findings: BundleProblem[] = [...lint, ...tighten];
      if (findings.some((f) => f.severity === 'error')) process.exitCode = 1;
      if (opts.json) return writeOut(`${JSON.stringify({ file, lint, tighten }, null, 2)}\n`);
      const count = (s: string): number => findings.filter((f) => f.severity === s).length;
      const against = parents.length > 0 ? ` (tighten-only checked against ${parents.map((p) => p.policyId).join(', ')})` : '';
      return writeLines([...findings.map((f) => formatProblem(f, file)), `${file}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes${against}`]);
    });
}
