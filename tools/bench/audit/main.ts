import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Client } from 'pg';
import { createPostgresEventStore, ndjsonLineBatches, verifyAuditExport } from '@edict/event-store';
// the controller's own file: the feature barrel starts the Nest runtime module, which needs Kafka
import { AuditExportController } from '../../../libs/signing/feature/src/audit/audit-export.controller';
import { bulkLoadEvents } from './bulk-load';

// bench:audit — N events appended (default: bulk-load.ts, chained and hashed with the store's
// computeEventHash, inserted past the append trigger; --append store: the real store.append in
// batches of 1,000), then the
// export streamed over HTTP by the real controller to a file, then that file verified. Seconds
// each, peak RSS and the RSS samples (flat memory), load average.
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const events = arg('events', 1_000_000);
// --append store: through store.append (batches of 1,000, the services' path); default bulk (bulk-load.ts)
const appendPath = process.argv.includes('--append') ? process.argv[process.argv.indexOf('--append') + 1] : 'bulk';
const BATCH = 1000;
const url = process.env['DATABASE_URL'] ?? '';
// --schema <name>: export and verify a log loaded by an earlier run with --keep (no append);
// --keep: leave the schema in place afterwards (for profiling export and verify alone)
const reused = process.argv.includes('--schema') ? process.argv[process.argv.indexOf('--schema') + 1] : undefined;
const keep = process.argv.includes('--keep') || reused !== undefined;
const schema = reused ?? `bench_audit_${randomBytes(4).toString('hex')}`;
const rss: number[] = [];
const sampler = setInterval(() => rss.push(Math.round(process.memoryUsage().rss / 1e6)), 1000);
const mb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const timed = async <T>(work: () => Promise<T>): Promise<[number, T, number]> => {
  const start = Date.now();
  const value = await work();
  return [(Date.now() - start) / 1000, value, mb()];
};

async function main(): Promise<void> {
  if (!url) throw new Error('DATABASE_URL is required (npm run infra:up prints it)');
  const store = await createPostgresEventStore({ connectionString: url, schema, poolSize: 4 });
  const dir = join(tmpdir(), schema);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'audit.ndjson');
  try {
    const [appendSeconds, , appendPeak] = await timed(async () => {
      if (reused !== undefined) return;
      if (appendPath === 'bulk') return bulkLoadEvents(url, schema, events);
      for (let b = 0; b < events / BATCH; b++) {
        const batch = Array.from({ length: BATCH }, (_, i) => ({ type: 'RolloutPromoted', data: { policyId: `org/p${b % 50}`, version: '1.0.0', from: 10, to: 50, n: b * BATCH + i }, metadata: { actor: 'bench' } }));
        await store.append(`rollout-org/p${b % 50}`, batch, 'any');
      }
    });
    const controller = new AuditExportController(store);
    const server = createServer((req, res) => void controller.export(Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams), res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const [exportSeconds, , exportPeak] = await timed(async () => {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/audit/export?after=0`);
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(file));
    });
    server.close();
    const [verifySeconds, verified, verifyPeak] = await timed(() => verifyAuditExport(ndjsonLineBatches(createReadStream(file, { highWaterMark: 1 << 20 }))));
    clearInterval(sampler);
    const result = {
      events, appendPath: reused === undefined ? appendPath : `reused ${reused}`, appendSeconds, exportSeconds, verifySeconds, exportBytes: statSync(file).size,
      verified: verified.outcome.ok ? { ok: true, count: verified.outcome.count } : verified.outcome,
      peakRssMb: { afterAppend: appendPeak, afterExport: exportPeak, afterVerify: verifyPeak }, rssSamplesMb: rss,
      loadavg: loadavg().map((l) => Number(l.toFixed(2))), target: { exportSeconds: 20, verifySeconds: 20 },
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/audit.json', `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify({ ...result, rssSamplesMb: `${rss.length} samples, min ${Math.min(...rss)} max ${Math.max(...rss)} MB` }, null, 2)}\n`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (keep) process.stdout.write(`kept schema ${schema} (--schema ${schema} reuses it; drop it when done)\n`);
    else {
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
