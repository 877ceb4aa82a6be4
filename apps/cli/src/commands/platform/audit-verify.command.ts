import { createReadStream, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { JWK } from 'jose';
import { ndjsonLineBatches, verifyAuditExport } from '@edict/event-store';
import { openAuditExport } from './audit-stream';

/** `edict audit verify <file | --live>`: the chain and every signed checkpoint, streamed; names the first break. */
export function registerAuditVerifyCommand(audit: Command): void {
  audit
    .command('verify [file]')
    .description('verify an export offline (or the live log with --live): the chain, every signed checkpoint; names the first broken position and its kind (edited, inserted, deleted, reordered, forged, malformed); exit 1 when broken')
    .option('--live', 'stream the log from signing (GET /v1/audit/export) instead of reading a file')
    .option('--jwks <file>', 'trust only these public keys (a JWKS file, e.g. /.well-known/jwks.json saved earlier); default: the keys the export itself registers')
    .addHelpText('after', '\nExamples:\n  edict audit verify audit.ndjson --jwks jwks.json\n  edict audit verify --live\n')
    .action(async (file: string | undefined, opts: { live?: boolean; jwks?: string }) => {
      if (Boolean(file) === Boolean(opts.live)) throw new Error('give an export file or --live (not both)');
      const jwks = opts.jwks ? (JSON.parse(readFileSync(opts.jwks, 'utf8')) as { keys: JWK[] }).keys : undefined;
      let input: Readable;
      if (file) input = createReadStream(file, { highWaterMark: 1 << 20 });
      else {
        const { body, filtered } = await openAuditExport({ after: 0 });
        if (filtered) throw new Error('the live export came back filtered');
        input = body;
      }
      // batches of lines, one per chunk: the verifier awaits only at checkpoints
      const { outcome, keysFrom } = await verifyAuditExport(ndjsonLineBatches(input), jwks);
      input.destroy();
      if (outcome.ok) {
        const signed = outcome.lastCheckpoint ? `, last signed checkpoint at position ${outcome.lastCheckpoint.position} (${outcome.lastCheckpoint.at})` : ', no signed checkpoint';
        process.stdout.write(`ok: ${outcome.count} events, head ${outcome.head.position} ${outcome.head.hash}, ${outcome.checkpoints} checkpoints verified${signed}\n`);
        if (keysFrom === 'export') process.stdout.write('note: checkpoint keys came from the export itself; pass --jwks to pin them\n');
        return;
      }
      const { position, kind, code, reason } = outcome.break;
      process.stderr.write(`broken at position ${position}: ${kind} (${code}): ${reason}\n`);
      process.exitCode = 1;
    });
}
