import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { JWK } from 'jose';
import { verifyAuditExport } from '@edict/event-store';
import { callService } from './http-client';

const PAGE = 10_000;

/** `edict audit export` (the log with hashes and signed checkpoints, NDJSON) and `edict audit verify <file>` (offline). */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log and its signed checkpoints');
  audit
    .command('export')
    .description('export the global log as NDJSON (GET /v1/audit/export on signing; auditor role)')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--after <position>', 'start after this position', '0')
    .action(async (opts: { output?: string; after: string }) => {
      let after = Number(opts.after);
      const chunks: string[] = [];
      for (;;) {
        const page = String(await callService('signing', `/v1/audit/export?after=${after}&limit=${PAGE}`, { raw: true }));
        const lines = page.split('\n').filter((l) => l !== '');
        chunks.push(page);
        const last = lines[lines.length - 1];
        if (lines.length < PAGE || !last) break;
        after = (JSON.parse(last) as { position: number }).position;
      }
      if (opts.output) writeFileSync(opts.output, chunks.join(''));
      else process.stdout.write(chunks.join(''));
    });
  audit
    .command('verify <file>')
    .description('verify an export offline: the chain, every signed checkpoint; names the first bad position and the kind of break')
    .option('--jwks <file>', 'trust only these public keys (a JWKS file); default: the keys the export itself registers')
    .action(async (file: string, opts: { jwks?: string }) => {
      const jwks = opts.jwks ? (JSON.parse(readFileSync(opts.jwks, 'utf8')) as { keys: JWK[] }).keys : undefined;
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      const { outcome, keysFrom } = await verifyAuditExport(lines, jwks);
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
