#!/usr/bin/env node
// Back up and restore Edict's event store (docs/operations.md, "Back up and restore").
//
//   node tools/ops/backup-restore.mjs backup  --database-url URL [--schema edict] --out DIR
//   node tools/ops/backup-restore.mjs restore --database-url URL --in DIR
//   node tools/ops/backup-restore.mjs verify  --database-url URL [--schema edict] [--head DIR/head.json]
//
// backup:  records the log head (position, hash) in DIR/head.json, then `pg_dump -Fc` of the schema
//          (events, log_head, checkpoints, processed events, read models) to DIR/edict.dump. The head
//          is read before the dump's snapshot, so the dump holds it (and maybe later events).
// restore: into a database with no such schema yet (a fresh cluster: initdb, CREATE DATABASE), with
//          `pg_restore --no-owner --no-privileges --exit-on-error`; then verify against DIR/head.json.
// verify:  reads the global log in position order and recomputes the hash chain from genesis
//          (ChainVerifier, docs/event-store.md "Hash chain"); log_head must be the last event; with
//          --head, the recorded head must be in the chain (nothing cut off the end). Prints one JSON
//          line; exits 1 on any failure. Nothing is written.
//
// Needs `node tools/build.mjs` (it uses dist/'s event-store library) and pg_dump / pg_restore of the
// server's major version or newer (PG_BIN_DIR, else PATH).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const require = createRequire(import.meta.url);
const [command, ...args] = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i !== -1 && args[i + 1] !== undefined) return args[i + 1];
  if (fallback !== undefined) return fallback;
  fail('USAGE', `${command}: ${name} is required`);
};
const bin = (name) => (process.env.PG_BIN_DIR ? join(process.env.PG_BIN_DIR, name) : name);
const ident = (schema) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) fail('USAGE', `schema must be a lower-case SQL identifier, not ${schema}`);
  return `"${schema}"`;
};

function fail(code, message, details = {}) {
  console.log(JSON.stringify({ ok: false, code, message, ...details }));
  process.exit(1);
}

function run(file, argv) {
  const result = spawnSync(bin(file), argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) fail('BACKUP.COMMAND_FAILED', `${file} failed (exit ${result.status ?? result.error?.message})`, { stderr: (result.stderr ?? '').trim().slice(0, 2000) });
  return result.stdout;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function head(client, schema) {
  const { rows } = await client.query(`SELECT position::text AS position, hash FROM ${ident(schema)}.log_head`);
  return rows[0] ? { position: Number(rows[0].position), hash: rows[0].hash } : { position: 0, hash: null };
}

async function backup() {
  const url = option('--database-url');
  const schema = option('--schema', 'edict');
  const out = resolve(option('--out'));
  mkdirSync(out, { recursive: true });
  const recorded = await withClient(url, (c) => head(c, schema));
  writeFileSync(join(out, 'head.json'), JSON.stringify({ schema, ...recorded, recordedAt: new Date().toISOString() }, null, 2) + '\n');
  run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema}`, `--file=${join(out, 'edict.dump')}`, url]);
  console.log(JSON.stringify({ ok: true, command: 'backup', schema, dump: join(out, 'edict.dump'), head: recorded }));
}

async function restore() {
  const url = option('--database-url');
  const dir = resolve(option('--in'));
  const recorded = JSON.parse(readFileSync(join(dir, 'head.json'), 'utf8'));
  const exists = await withClient(url, async (c) => (await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [recorded.schema])).rowCount > 0);
  if (exists) fail('RESTORE.TARGET_NOT_EMPTY', `schema ${recorded.schema} already exists in the target database: restore into a fresh one`);
  run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', url, join(dir, 'edict.dump')]);
  const verified = await verifyLog(url, recorded.schema, recorded);
  console.log(JSON.stringify({ command: 'restore', schema: recorded.schema, ...verified }));
  if (!verified.ok) process.exit(1);
}

async function verifyLog(url, schema, recorded) {
  const dist = join(root, 'dist', 'libs', 'event-store', 'src');
  if (!existsSync(join(dist, 'index.js'))) fail('VERIFY.NOT_BUILT', 'dist/ has no event-store library: run node tools/build.mjs first');
  const { ChainVerifier } = require(join(dist, 'index.js'));
  const { toStoredEvent, EVENT_COLUMNS } = require(join(dist, 'postgres', 'event-row.mapper.js'));
  return withClient(url, async (client) => {
    const verifier = new ChainVerifier();
    let after = 0;
    let atRecorded;
    for (;;) {
      const { rows } = await client.query(`SELECT ${EVENT_COLUMNS} FROM ${ident(schema)}.events WHERE position > $1 ORDER BY position LIMIT 5000`, [after]);
      for (const row of rows) {
        const event = toStoredEvent(row);
        if (recorded && event.position === recorded.position) atRecorded = event.hash;
        const failure = verifier.push(event);
        if (failure) return { ok: false, code: `CHAIN.${failure.code}`, position: failure.position, reason: failure.reason };
      }
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1].position);
    }
    const result = verifier.result();
    const logHead = await head(client, schema);
    if (logHead.position !== after || (after > 0 && logHead.hash !== result.head)) {
      return { ok: false, code: 'CHAIN.LOG_HEAD_MISMATCH', reason: `log_head is ${logHead.position} ${logHead.hash}, the last event ${after} ${result.head}` };
    }
    if (recorded && recorded.position > 0 && atRecorded !== recorded.hash) {
      return { ok: false, code: 'CHAIN.RECORDED_HEAD_MISSING', position: recorded.position, reason: atRecorded ? 'the event at the recorded head has another hash' : 'the log ends before the recorded head' };
    }
    return { ok: true, count: result.count, head: { position: after, hash: after > 0 ? result.head : null } };
  });
}

async function verify() {
  const url = option('--database-url');
  const schema = option('--schema', 'edict');
  const headFile = option('--head', '');
  const recorded = headFile ? JSON.parse(readFileSync(headFile, 'utf8')) : undefined;
  const verified = await verifyLog(url, schema, recorded);
  console.log(JSON.stringify({ command: 'verify', schema, ...verified }));
  if (!verified.ok) process.exit(1);
}

const commands = { backup, restore, verify };
if (!commands[command]) fail('USAGE', 'usage: backup-restore.mjs backup|restore|verify --database-url URL … (see the header of tools/ops/backup-restore.mjs)');
commands[command]().catch((error) => fail('BACKUP.FAILED', String(error?.message ?? error)));
