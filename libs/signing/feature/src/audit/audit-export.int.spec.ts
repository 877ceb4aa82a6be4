import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { Client } from 'pg';
import { StreamIds } from '@edict/contracts';
import { systemClock } from '@edict/core';
import { computeEventHash, createPostgresEventStore, type EventStore, type StoredEvent } from '@edict/event-store';
import { ActiveSigner } from '../keys/active-signer';
import { KeyDirectory } from '../keys/key-directory';
import { AuditExportController } from './audit-export.controller';
import { runAuditPass } from './audit-pass';

// A real export (Postgres store → the streaming controller over HTTP → the built CLI), then the
// file tampered five ways: `edict audit verify` must name each kind at the right position.
const root = resolve(__dirname, '../../../../..');
const cli = join(root, 'dist/apps/cli/src/main.js');
const schema = `audit_export_${randomBytes(6).toString('hex')}`;
const url = process.env['DATABASE_URL'] ?? '';
let store: EventStore;
let server: Server;
let dir: string;
let env: NodeJS.ProcessEnv;

const edict = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });

const lines = (file: string): StoredEvent[] => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as StoredEvent);
const write = (name: string, events: readonly StoredEvent[]): string => {
  const path = join(dir, name);
  writeFileSync(path, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return path;
};

beforeAll(async () => {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'edict-audit-export-'));
  store = await createPostgresEventStore({ connectionString: url, schema, poolSize: 2 });
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  writeFileSync(join(dir, 'initial.jwk.json'), JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
  const keys = new KeyDirectory({ dir: join(dir, 'keys'), initialKeyFile: join(dir, 'initial.jwk.json') });
  const initial = await keys.initialKey();
  await store.append(StreamIds.keyring, [{ type: 'SigningKeyRegistered', data: { kid: initial.kid, alg: initial.alg, publicJwk: { ...initial.publicJwk }, registeredAt: new Date().toISOString() } }], 'no_stream');
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...initial.publicJwk, kid: initial.kid }] }));
  const deps = { store, signer: new ActiveSigner(store, keys), clock: systemClock };
  for (let i = 0; i < 3000; i++) await store.append(`rollout-org/p${i % 7}`, [{ type: 'RolloutPromoted', data: { policyId: `org/p${i % 7}`, version: '1.0.0', percentage: i % 100 } }], 'any');
  await runAuditPass(deps, [], undefined);
  for (let i = 0; i < 20; i++) await store.append(`bundle-org/p${i % 3}`, [{ type: 'BundleDrafted', data: { policyId: `org/p${i % 3}`, version: `1.${i}.0` } }], 'any');
  await runAuditPass(deps, [], undefined);
  const controller = new AuditExportController(store);
  server = createServer((req, res) => {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
    void controller.export(query, res).catch((error: unknown) => {
      res.statusCode = 400;
      res.end(JSON.stringify({ code: (error as { code?: string }).code, detail: String(error) }));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  env = { ...process.env, EDICT_SIGNING_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}, 180_000);

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  await store.close();
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  rmSync(dir, { recursive: true, force: true });
});

describe('edict audit export and verify on a real store', () => {
  it('exports the whole log as a stream, and it verifies with its two signed checkpoints against a pinned JWKS', async () => {
    const exported = await edict('audit', 'export', '-o', join(dir, 'audit.ndjson'));
    expect(exported).toMatchObject({ code: 0 });
    expect(lines(join(dir, 'audit.ndjson')).map((e) => e.position)).toEqual(Array.from({ length: 3023 }, (_, i) => i + 1));
    const verified = await edict('audit', 'verify', join(dir, 'audit.ndjson'), '--jwks', join(dir, 'jwks.json'));
    expect(verified.stdout).toContain('ok: 3023 events, head 3023');
    expect(verified.stdout).toContain('2 checkpoints verified');
  }, 60_000);

  it('given a file cut off mid-line, when exported again with --resume, then it ends byte for byte like the whole export', async () => {
    const whole = readFileSync(join(dir, 'audit.ndjson'));
    const partial = join(dir, 'partial.ndjson');
    writeFileSync(partial, whole);
    truncateSync(partial, Math.floor(whole.length / 2) + 17);
    const resumed = await edict('audit', 'export', '-o', partial, '--resume');
    expect(resumed.code).toBe(0);
    expect(readFileSync(partial).equals(whole)).toBe(true);
  }, 60_000);

  it('filters by policy and category, and says the selection is not a verifiable log', async () => {
    const out = await edict('audit', 'export', '--policy', 'org/p1', '--category', 'bundle', '-o', join(dir, 'p1.ndjson'));
    expect(out.stderr).toContain('filtered');
    const selected = lines(join(dir, 'p1.ndjson'));
    expect(selected.map((e) => e.streamId)).toEqual(Array(7).fill('bundle-org/p1'));
  }, 60_000);

  it('refuses a bad query before streaming anything (400 AUDIT.INVALID_QUERY)', async () => {
    const out = await edict('audit', 'export', '--since', 'yesterday');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('AUDIT.INVALID_QUERY');
  }, 60_000);

  const tampered = (events: StoredEvent[]): Record<string, StoredEvent[]> => {
    const edited = events.map((e) => (e.position === 100 ? { ...e, data: { ...(e.data as object), percentage: 100 } } : e));
    const inserted = [...events.slice(0, 200), { ...events[199]!, eventId: '00000000-0000-4000-8000-00000000beef' }, ...events.slice(200)];
    const deleted = events.filter((e) => e.position !== 300);
    const reordered = [...events.slice(0, 399), events[400]!, events[399]!, ...events.slice(401)];
    let previous = events[498]!.hash;
    const forged = events.map((e) => {
      if (e.position < 500) return e;
      const changed = e.position === 500 ? { ...e, type: 'PolicyDisabled' } : e;
      const hash = computeEventHash(previous, changed);
      const row = { ...changed, previousHash: previous, hash };
      previous = hash;
      return row;
    });
    return { edited, inserted, deleted, reordered, forged };
  };

  it.each([
    ['edited', 100, 'HASH_MISMATCH'],
    ['inserted', 200, 'POSITION_NOT_INCREASING'],
    ['deleted', 300, 'POSITION_GAP'],
    ['reordered', 400, 'POSITION_GAP'],
    ['forged', 3001, 'CHECKPOINT_HASH_MISMATCH'],
  ])('given the export %s, then verify names the kind and the position (%i) and exits 1', async (kind, position, code) => {
    const file = write(`${kind}.ndjson`, tampered(lines(join(dir, 'audit.ndjson')))[kind]!);
    const out = await edict('audit', 'verify', file, '--jwks', join(dir, 'jwks.json'));
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`broken at position ${position}: ${kind} (${code})`);
  }, 60_000);
});
