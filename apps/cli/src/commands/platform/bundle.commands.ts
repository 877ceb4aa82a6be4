import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { registerBundleTransferCommands } from './bundle-transfer.commands';
import { parseBundleText } from '@edict/policy-engine';
import { registerBundleBrowseCommands } from './bundle-browse.commands';
import { registerBundleInitCommand } from './bundle-init.command';
import { embedAllowListLocks } from '../engine/embed-allow-list-locks';
import { callService, ServiceCallError } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';

/** The policy and version a bundle file names, so `revise` needs no flags (they may override, if they match). */
function identityOf(file: string, source: string, opts: { policy?: string; version?: string }): { policyId: string; version: string } {
  const parsed = parseBundleText(source, { filename: file });
  const metadata = parsed.ok ? ((parsed.document as { metadata?: { policyId?: unknown; version?: unknown } }).metadata ?? {}) : {};
  const policyId = opts.policy ?? (typeof metadata.policyId === 'string' ? metadata.policyId : undefined);
  const version = opts.version ?? (typeof metadata.version === 'string' ? metadata.version : undefined);
  if (!policyId || !version) throw new Error(`${file} names no metadata.policyId and metadata.version; give --policy and --version`);
  if ((metadata.policyId !== undefined && metadata.policyId !== policyId) || (metadata.version !== undefined && metadata.version !== version)) {
    throw new Error(`${file} is ${String(metadata.policyId)}@${String(metadata.version)}, not ${policyId}@${version}`);
  }
  return { policyId, version };
}

/** Located problems of a refused draft or revision, one a line on stderr, before the error itself. */
async function reportingProblems<T>(file: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const problems = error instanceof ServiceCallError ? error.problem?.['problems'] : undefined;
    if (Array.isArray(problems)) {
      for (const p of problems as { line?: number; column?: number; severity?: string; code?: string; message?: string; path?: string }[]) {
        process.stderr.write(`${p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : file}: ${p.severity ?? 'error'} ${p.code ?? ''} ${p.message ?? ''}${p.path ? ` (at ${p.path})` : ''}\n`);
      }
    }
    throw error;
  }
}

const versionPath = (policyId: string, version: string): string =>
  `/v1/bundles/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;

/** `edict bundle …`: draft, revise, submit and approve bundle versions (authoring); browsing is in bundle-browse.commands.ts. */
export function registerBundleCommands(program: Command): void {
  const bundle = program.command('bundle').description('author, submit and approve bundle versions');
  withOutputOption(bundle.command('draft <file>'))
    .description('draft a new version from a YAML or JSON bundle file (allow-list lock files it names are embedded)')
    .action(async (file: string, opts: { output?: OutputFormat }) => {
      const source = embedAllowListLocks(file, readFileSync(file, 'utf8'));
      printResult(opts, await reportingProblems(file, callService('authoring', '/v1/bundles', { body: { source, filename: file } })));
    });
  withOutputOption(bundle.command('revise <file>'))
    .description('replace the document of a version that is still a draft')
    .option('--policy <id>', 'policy id (default: the file\'s metadata.policyId; must match it)')
    .option('--version <version>', 'version (default: the file\'s metadata.version; must match it)')
    .action(async (file: string, opts: { policy?: string; version?: string; output?: OutputFormat }) => {
      const source = embedAllowListLocks(file, readFileSync(file, 'utf8'));
      const { policyId, version } = identityOf(file, source, opts);
      printResult(opts, await reportingProblems(file, callService('authoring', versionPath(policyId, version), { method: 'PUT', body: { source, filename: file } })));
    });
  withOutputOption(bundle.command('submit <policyId> <version>'))
    .description('submit a draft for validation and approval; from here it is immutable')
    .action(async (policyId: string, version: string, opts: { output?: OutputFormat }) => {
      printResult(opts, await callService('authoring', `${versionPath(policyId, version)}/submit`, { method: 'POST', body: {} }));
    });
  withOutputOption(bundle.command('approve <policyId> <version>'))
    .description('approve a validated version (never one you drafted or revised)')
    .option('--comment <text>', 'a comment kept with the approval')
    .option('--emergency', 'the emergency path: approve alone (security role), with --reason; opens a follow-up review')
    .option('--reason <text>', 'why the emergency path is taken')
    .action(async (policyId: string, version: string, opts: { comment?: string; emergency?: boolean; reason?: string; output?: OutputFormat }) => {
      const body = { ...(opts.comment ? { comment: opts.comment } : {}), ...(opts.emergency ? { emergency: true, reason: opts.reason ?? '' } : {}) };
      printResult(opts, await callService('authoring', `${versionPath(policyId, version)}/approve`, { method: 'POST', body }));
    });
  registerBundleTransferCommands(bundle);
  registerBundleBrowseCommands(bundle);
  registerBundleInitCommand(bundle);
}
