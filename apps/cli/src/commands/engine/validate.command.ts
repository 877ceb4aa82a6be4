import type { Command } from 'commander';
import { loadBundle } from './load-bundle';
import { printProblems } from './format-problem';
import { writeLines, writeOut } from './write-output';
import { validateRemote } from '../validation/validate-remote';

/** `edict validate <bundle...>`: syntax, schema and CEL; exit 1 when any bundle has an error. */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check bundles: YAML/JSON syntax, schema, CEL conditions, size limits')
    .argument('<bundles...>', 'bundle files (.yaml, .yml or .json)')
    .option('--json', 'print the problems as JSON')
    .option('--remote', "run the validation service's whole suite on each file (dry run, nothing stored)")
    .option('--output <format>', 'with --remote: table, json or yaml (default: table on a terminal, json when piped)')
    .action(async (files: string[], opts: { json?: boolean; remote?: boolean; output?: string }) => {
      if (opts.remote) return validateRemote(files, opts.json ? 'json' : opts.output);
      const results = files.map(loadBundle);
      if (results.some((r) => !r.ok)) process.exitCode = 1;
      if (opts.json) return writeOut(`${JSON.stringify(results.map((r) => ({ file: r.filename, ok: r.ok, problems: r.problems })), null, 2)}\n`);
      for (const r of results) {
        await printProblems(r.problems, r.filename);
        if (r.ok) await writeLines([`${r.filename}: ok (${r.compiled.policyId}@${r.compiled.version}, ${r.compiled.tier} tier, ${r.compiled.rules.length} rules)`]);
      }
    });
}
