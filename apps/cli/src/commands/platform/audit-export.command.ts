import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { AuditProgress } from './audit-progress';
import { resumePoint } from './audit-resume';
import { openAuditExport, type AuditExportRequest } from './audit-stream';

interface ExportOptions {
  readonly output?: string;
  readonly fromPosition: string;
  readonly resume?: boolean;
  readonly policy?: string;
  readonly category?: string;
  readonly since?: string;
  readonly until?: string;
}

/** `edict audit export`: the streamed log to a file (or stdout), with progress on a terminal, resumable. */
export function registerAuditExportCommand(audit: Command): void {
  audit
    .command('export')
    .description('stream the global log as NDJSON (GET /v1/audit/export on signing; auditor role)')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--from-position <position>', 'start after this position (0: from genesis)', '0')
    .option('--resume', 'continue the --output file: after the position of its last complete line (a cut-off line is dropped)')
    .option('--policy <policyId>', "only this policy's events (a selection: verify needs the whole log)")
    .option('--category <list>', 'only these stream categories, comma-separated: bundle,validation,signature,rollout,incident,keyring,audit')
    .option('--since <time>', 'recorded at or after this ISO-8601 time')
    .option('--until <time>', 'recorded before this ISO-8601 time')
    .addHelpText('after', '\nExample:\n  edict audit export -o audit.ndjson            # interrupted? run it again with --resume\n  edict audit export --policy org/baseline -o baseline.ndjson\n')
    .action(async (opts: ExportOptions) => {
      if (opts.resume && !opts.output) throw new Error('--resume needs --output <file>');
      const after = opts.resume && opts.output ? resumePoint(opts.output) : Number(opts.fromPosition);
      if (!Number.isSafeInteger(after) || after < 0) throw new Error(`--from-position must be a whole number, not '${opts.fromPosition}'`);
      const request: AuditExportRequest = { after, ...pick(opts) };
      const { body, filtered } = await openAuditExport(request);
      const progress = new AuditProgress(after, Boolean(opts.output) && process.stderr.isTTY);
      const sink = opts.output ? createWriteStream(opts.output, { flags: opts.resume ? 'a' : 'w' }) : process.stdout;
      await pipeline(body, progress, sink);
      if (opts.output) {
        const note = filtered ? ' (filtered: a selection, not a verifiable log)' : '';
        process.stderr.write(`${progress.events} events after position ${after} written to ${opts.output}, last position ${progress.lastPosition}${note}\n`);
      }
    });
}

const pick = (opts: ExportOptions): Omit<AuditExportRequest, 'after'> => ({
  ...(opts.policy ? { policy: opts.policy } : {}),
  ...(opts.category ? { category: opts.category } : {}),
  ...(opts.since ? { since: opts.since } : {}),
  ...(opts.until ? { until: opts.until } : {}),
});
