import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { callService, printJson } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `--ttl`: seconds, or a number with s, m, h or d (`90s`, `30m`, `24h`, `7d`). */
export function parseTtl(value: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(value.trim());
  const seconds = match ? Number(match[1]) * (UNITS[match[2] || 's'] ?? 1) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 1) throw new InvalidArgumentError(`'${value}' is not a duration like 90s, 30m, 24h or 7d`);
  return seconds;
}

/** `edict bundle export|import`: move a version between environments (signing exports, authoring imports). */
export function registerBundleTransferCommands(bundle: Command): void {
  bundle
    .command('export <policyId> <version>')
    .description('export an approved and signed version as a signed envelope (JSON) for another environment')
    .option('--ttl <duration>', 'how long the envelope stays importable (90s, 30m, 24h, 7d)', parseTtl)
    .option('-o, --output <file>', 'write the envelope to a file instead of stdout')
    .action(async (policyId: string, version: string, opts: { ttl?: number; output?: string }) => {
      const body = { policyId, version, ...(opts.ttl === undefined ? {} : { ttlSeconds: opts.ttl }) };
      const envelope = await callService('signing', '/v1/exports', { body });
      if (!opts.output) return printJson(envelope);
      writeFileSync(opts.output, `${JSON.stringify(envelope, null, 2)}\n`);
      process.stderr.write(`wrote ${policyId}@${version} to ${opts.output}\n`);
    });
  withOutputOption(bundle.command('import <file>'))
    .description('import a version another environment exported; it is drafted here and needs this environment’s validation and approvals')
    .option('--as-version <version>', 'draft it as this version (the next one here); metadata.version is rewritten')
    .action(async (file: string, opts: { asVersion?: string; output?: OutputFormat }) => {
      // the file's text travels as is: the service parses and verifies it
      const body = { envelope: readFileSync(file, 'utf8'), ...(opts.asVersion ? { asVersion: opts.asVersion } : {}) };
      printResult(opts, await callService('authoring', '/v1/bundles:import', { body }));
    });
}
