import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  freePort, people, repoRoot, spawnService, StackClient, startRestartablePostgres, uniqueName, waitReady,
  type RestartableInfra, type ServiceProcess,
} from '@edict/testing';

interface Outcome { readonly ok: boolean; readonly code?: string; readonly count?: number; readonly position?: number; readonly head?: { position: number; hash: string } }

/**
 * tools/ops/backup-restore.mjs end to end: the authoring service writes real events into a schema
 * of the shared PostgreSQL; the script dumps it, restores it into a fresh initdb cluster, verifies
 * the chain there; authoring started against the restored copy serves what was stored and appends
 * after the restored head; the chain still verifies. Tampering and a truncated copy are caught.
 */
describe('backup and restore of the event store', () => {
  const root = repoRoot();
  const schema = uniqueName('backup').replace(/-/g, '_');
  const logDir = mkdtempSync(join(tmpdir(), 'edict-backup-'));
  const backupDir = join(logDir, 'backup');
  const brokers = process.env['KAFKA_BROKERS'] ?? '';
  const prefix = `${uniqueName('backup')}.`;
  let target: RestartableInfra<string>;
  let authoring: ServiceProcess | undefined;

  const script = (...args: string[]): { status: number | null; outcome: Outcome; stderr: string } => {
    const result = spawnSync(process.execPath, [join(root, 'tools', 'ops', 'backup-restore.mjs'), ...args], { encoding: 'utf8' });
    const last = result.stdout.trim().split('\n').pop() ?? '{}';
    return { status: result.status, outcome: JSON.parse(last) as Outcome, stderr: result.stderr };
  };
  const startAuthoring = async (databaseUrl: string): Promise<StackClient> => {
    const port = await freePort();
    authoring = spawnService(root, 'authoring', port, { ...process.env, KAFKA_BROKERS: brokers, DATABASE_URL: databaseUrl, EDICT_DB_SCHEMA: schema, EDICT_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' }, logDir);
    await waitReady(authoring);
    return new StackClient({ EDICT_AUTHORING_URL: authoring.url });
  };
  const stopAuthoring = async (): Promise<void> => {
    await authoring?.stop();
    authoring = undefined;
  };
  const draft = async (client: StackClient, file: string): Promise<{ policyId: string; version: string; digest: string }> => {
    const answer = await client.as(people.alice.subject, [...people.alice.roles]).call<{ policyId: string; version: string; digest: string }>(
      'authoring', 'POST', '/v1/bundles', { source: readFileSync(join(root, file), 'utf8'), filename: file });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    target = await startRestartablePostgres();
  }, 180_000);

  afterAll(async () => {
    await stopAuthoring();
    await target?.stop();
  }, 60_000);

  let drafted: { policyId: string; version: string; digest: string };
  let backedUp: Outcome;

  it('backs up a schema the services wrote, restores it into a fresh cluster, and the chain verifies there', async () => {
    const source = await startAuthoring(process.env['DATABASE_URL'] ?? '');
    drafted = await draft(source, 'examples/bundles/org/baseline.yaml');
    await draft(source, 'examples/bundles/org/network.yaml');
    const backup = script('backup', '--database-url', process.env['DATABASE_URL'] ?? '', '--schema', schema, '--out', backupDir);
    expect(backup).toMatchObject({ status: 0, outcome: { ok: true, head: { position: expect.any(Number) } } });
    backedUp = backup.outcome;
    expect(backedUp.head?.position).toBeGreaterThanOrEqual(2);
    await stopAuthoring();

    const restored = script('restore', '--database-url', target.value, '--in', backupDir);
    expect(restored.stderr).toBe('');
    expect(restored).toMatchObject({ status: 0, outcome: { ok: true, count: backedUp.head?.position, head: backedUp.head } });
  }, 180_000);

  it('serves the restored bundles and appends after the restored head; the chain still verifies', async () => {
    const client = await startAuthoring(target.value);
    const reader = client.as(people.bob.subject, [...people.bob.roles]);
    const version = await reader.call<{ digest: string }>('authoring', 'GET', `/v1/bundles/${encodeURIComponent(drafted.policyId)}/versions/${drafted.version}`);
    expect(version).toMatchObject({ status: 200, body: { digest: drafted.digest } });
    await draft(client, 'examples/bundles/org/infrastructure.yaml');
    await stopAuthoring();
    const verified = script('verify', '--database-url', target.value, '--schema', schema, '--head', join(backupDir, 'head.json'));
    expect(verified.status).toBe(0);
    expect(verified.outcome.ok).toBe(true);
    expect(verified.outcome.count).toBeGreaterThan(backedUp.head?.position ?? Infinity);
  }, 180_000);

  it('refuses to restore over an existing schema', () => {
    expect(script('restore', '--database-url', target.value, '--in', backupDir)).toMatchObject({ status: 1, outcome: { ok: false, code: 'RESTORE.TARGET_NOT_EMPTY' } });
  });

  it('fails verification for a copy without the recorded head, and for an edited event', async () => {
    const recorded = JSON.parse(readFileSync(join(backupDir, 'head.json'), 'utf8')) as { hash: string };
    const otherHead = join(logDir, 'other-head.json');
    writeFileSync(otherHead, JSON.stringify({ ...recorded, hash: 'f'.repeat(64) }));
    expect(script('verify', '--database-url', target.value, '--schema', schema, '--head', otherHead)).toMatchObject({ status: 1, outcome: { code: 'CHAIN.RECORDED_HEAD_MISSING' } });

    const db = new Client({ connectionString: target.value });
    await db.connect();
    try {
      // a superuser behind the services' back: the immutability triggers off, one event edited
      await db.query(`ALTER TABLE "${schema}".events DISABLE TRIGGER USER`);
      await db.query(`UPDATE "${schema}".events SET data = jsonb_set(data, '{tampered}', 'true') WHERE position = 2`);
      await db.query(`ALTER TABLE "${schema}".events ENABLE TRIGGER USER`);
    } finally {
      await db.end();
    }
    expect(script('verify', '--database-url', target.value, '--schema', schema)).toMatchObject({ status: 1, outcome: { ok: false, code: 'CHAIN.HASH_MISMATCH', position: 2 } });
  });
});
