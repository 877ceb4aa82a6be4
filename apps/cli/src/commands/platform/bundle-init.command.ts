import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { tierOfPolicyId } from '@edict/policy-engine';
import { writeLines } from '../engine/write-output';
import { celBundleTemplate, regoBundleTemplate } from './bundle-templates';

/** Where `init` writes: `<dir>/<policyId>.yaml`, or `<dir>/<policyId>.rego.yaml` for Rego. */
export const initTarget = (dir: string, policyId: string, rego: boolean): string => join(dir, `${policyId}${rego ? '.rego' : ''}.yaml`);

/** `edict bundle init <policyId>` (CEL) or `edict bundle init --rego <policyId>`: scaffolds a bundle file with tests. */
export function registerBundleInitCommand(bundle: Command): void {
  bundle
    .command('init [policyId]')
    .description('write a new bundle file with a rule and tests (CEL), or with --rego a Rego policy and its tests; offline')
    .option('--rego <policyId>', 'a Rego bundle for OPA fleets instead of CEL rules')
    .option('--dir <dir>', 'the folder the file goes under, as <dir>/<policyId>[.rego].yaml', '.')
    .action(async (positional: string | undefined, opts: { rego?: string; dir: string }) => {
      const policyId = opts.rego ?? positional;
      const fail = async (message: string): Promise<void> => {
        process.exitCode = 1;
        await writeLines([`edict: ${message}`], process.stderr);
      };
      if (!policyId || (opts.rego && positional && positional !== opts.rego)) return fail('give one policy id: bundle init <policyId> or bundle init --rego <policyId>');
      if (tierOfPolicyId(policyId) === null) return fail(`'${policyId}' is not a policy id (org/<name>, teams/<team>/<name> or projects/<team>/<project>/<name>)`);
      const target = initTarget(opts.dir, policyId, opts.rego !== undefined);
      if (existsSync(target)) return fail(`${target} exists; not overwriting it`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, opts.rego ? regoBundleTemplate(policyId) : celBundleTemplate(policyId), { flag: 'wx' });
      await writeLines([`wrote ${target}`, `next: edict test ${target}`]);
    });
}
