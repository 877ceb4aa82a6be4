import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { registerBundleTransferCommands } from './bundle-transfer.commands';
import { callService, printJson } from './http-client';

const versionPath = (policyId: string, version: string): string =>
  `/v1/bundles/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;

/** `edict bundle …`: draft, revise, submit, approve and show bundle versions (authoring). */
export function registerBundleCommands(program: Command): void {
  const bundle = program.command('bundle').description('author, submit and approve bundle versions');
  bundle
    .command('draft <file>')
    .description('draft a new version from a YAML or JSON bundle file')
    .action(async (file: string) => {
      const source = readFileSync(file, 'utf8');
      printJson(await callService('authoring', '/v1/bundles', { body: { source, filename: file } }));
    });
  bundle
    .command('revise <file>')
    .description('replace the document of a version that is still a draft')
    .requiredOption('--policy <id>', 'policy id')
    .requiredOption('--version <version>', 'version')
    .action(async (file: string, opts: { policy: string; version: string }) => {
      const source = readFileSync(file, 'utf8');
      printJson(await callService('authoring', versionPath(opts.policy, opts.version), { method: 'PUT', body: { source, filename: file } }));
    });
  bundle
    .command('submit <policyId> <version>')
    .description('submit a draft for validation and approval; from here it is immutable')
    .action(async (policyId: string, version: string) => {
      printJson(await callService('authoring', `${versionPath(policyId, version)}/submit`, { method: 'POST', body: {} }));
    });
  bundle
    .command('approve <policyId> <version>')
    .description('approve a validated version (never your own)')
    .option('--comment <text>', 'a comment kept with the approval')
    .action(async (policyId: string, version: string, opts: { comment?: string }) => {
      const body = opts.comment ? { comment: opts.comment } : {};
      printJson(await callService('authoring', `${versionPath(policyId, version)}/approve`, { method: 'POST', body }));
    });
  bundle
    .command('show <policyId> [version]')
    .description('show a policy line, or one version with its document')
    .action(async (policyId: string, version?: string) => {
      const path = version ? versionPath(policyId, version) : `/v1/bundles/${encodeURIComponent(policyId)}`;
      printJson(await callService('authoring', path));
    });
  registerBundleTransferCommands(bundle);
}
