import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { Client } from 'pg';
import { Gauge, Registry } from 'prom-client';
import { StreamIds } from '@edict/contracts';
import { systemClock } from '@edict/core';
import { computeEventHash, createPostgresEventStore, PostgresLeaderLock, readAuditExport, verifyAuditExport, type EventStore, type StoredEvent } from '@edict/event-store';
import { ActiveSigner } from '../keys/active-signer';
import { KeyDirectory } from '../keys/key-directory';
import { AuditAnchor } from './audit-anchor';

const schema = `audit_test_${randomBytes(6).toString('hex')}`;
const url = process.env['DATABASE_URL'] ?? '';
const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const INTERVAL_MS = 300;

async function sql(statements: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statements);
  } finally {
    await client.end();
  }
}

/** Polls until `probe` returns a value (no fixed sleep before asserting). */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const literal = (value: unknown): string => `'${JSON.stringify(value).replace(/'/g, "''")}'`;

describe('the audit anchor against a real store (sign checkpoints, detect rewrites)', () => {
  let store: EventStore;
  let anchor: AuditAnchor;
  let lock: PostgresLeaderLock;
  const broken = new Gauge({ name: 'edict_audit_chain_broken', help: 'test', registers: [new Registry()] });
  const gauge = async (): Promise<number> => (await broken.get()).values[0]?.value ?? 0;
  const audit = async (): Promise<StoredEvent[]> => store.readStream(StreamIds.auditCheckpoint);
  const checkpointCovering = (position: number) => async () =>
    (await audit()).find((e) => e.type === 'AuditCheckpointSigned' && (e.data as { position: number }).position >= position);
  const breakReported = async () => (await audit()).find((e) => e.type === 'AuditChainBroken');

  beforeAll(async () => {
    store = await createPostgresEventStore({ connectionString: url, schema, poolSize: 2 });
    const root = mkdtempSync(join(tmpdir(), 'edict-audit-'));
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    writeFileSync(join(root, 'initial.jwk.json'), JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
    const keys = new KeyDirectory({ dir: join(root, 'keys'), initialKeyFile: join(root, 'initial.jwk.json') });
    const initial = await keys.initialKey();
    await store.append(StreamIds.keyring, [{ type: 'SigningKeyRegistered', data: { kid: initial.kid, alg: initial.alg, publicJwk: { ...initial.publicJwk }, registeredAt: new Date().toISOString() } }], 'no_stream');
    await store.append('rollout-org/net', [{ type: 'RolloutStarted', data: { policyId: 'org/net', version: '1.0.0' } }], 'no_stream');
    await store.append('rollout-org/net', [{ type: 'RolloutPromoted', data: { policyId: 'org/net', version: '1.0.0', percentage: 50 } }], 0);
    lock = new PostgresLeaderLock(url, { schema });
    anchor = new AuditAnchor({ store, signer: new ActiveSigner(store, keys), clock: systemClock, leaderLock: lock, logger, intervalMs: INTERVAL_MS, broken });
    anchor.start();
  });

  afterAll(async () => {
    await anchor.stop();
    await store.close();
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  it('signs the head of a log that verifies, and the gauge reads 0', async () => {
    const checkpoint = await eventually(checkpointCovering(3), 'a signed checkpoint of position 3');
    expect(checkpoint.data).toMatchObject({ position: 3, kid: expect.any(String), alg: 'ES256', signature: expect.stringMatching(/^[\w-]+\.\.[\w-]+$/) });
    expect(await gauge()).toBe(0);
  });

  it('given a superuser rewrite of history with every later hash recomputed (replication role replica), then the checkpoint mismatch is found within an interval', async () => {
    await store.append('rollout-org/net', [{ type: 'RolloutPromoted', data: { policyId: 'org/net', version: '1.0.0', percentage: 100 } }], 1);
    await eventually(checkpointCovering(5), 'a checkpoint after the promotion');
    const log = await store.readAll({ after: 0 });
    // the attacker turns the 50% promotion (position 3) into a PolicyDisabled and re-chains everything after it
    let previous = log[1]!.hash;
    const rewritten = log.slice(2).map((e) => {
      const changed = e.position === 3 ? { ...e, type: 'PolicyDisabled', data: { policyId: 'org/net', mode: 'fail-open' } } : e;
      const hash = computeEventHash(previous, changed);
      const row = { ...changed, previousHash: previous, hash };
      previous = hash;
      return row;
    });
    const updates = rewritten
      .map((e) => `UPDATE "${schema}".events SET type = '${e.type}', data = ${literal(e.data)}::jsonb, previous_hash = '${e.previousHash}', hash = '${e.hash}' WHERE position = ${e.position};`)
      .join('\n');
    await sql(`BEGIN; SET LOCAL session_replication_role = replica; ${updates} UPDATE "${schema}".log_head SET hash = '${previous}'; COMMIT;`);

    const reported = await eventually(breakReported, 'AuditChainBroken');
    expect(reported.data).toMatchObject({ kind: 'forged', code: 'CHECKPOINT_HASH_MISMATCH', position: 3 });
    await eventually(async () => ((await gauge()) === 1 ? true : undefined), 'edict_audit_chain_broken = 1');
  });

  it('given that rewrite, then the audit export verified offline names the same position and kind', async () => {
    const lines: string[] = [];
    for await (const event of readAuditExport(store, { after: 0 })) lines.push(JSON.stringify(event));
    const { outcome, keysFrom } = await verifyAuditExport(lines);
    expect(keysFrom).toBe('export');
    expect(outcome).toMatchObject({ ok: false, break: { position: 3, kind: 'forged' } });
  });

  it('given a superuser edit with the triggers disabled (ALTER TABLE … DISABLE TRIGGER), then it is found as "edited"', async () => {
    const other = `audit_test_${randomBytes(6).toString('hex')}`;
    const second = await createPostgresEventStore({ connectionString: url, schema: other, poolSize: 2 });
    try {
      const secondBroken = new Gauge({ name: 'edict_audit_chain_broken', help: 'test', registers: [new Registry()] });
      const root = mkdtempSync(join(tmpdir(), 'edict-audit-'));
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      writeFileSync(join(root, 'initial.jwk.json'), JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
      const keys = new KeyDirectory({ dir: join(root, 'keys'), initialKeyFile: join(root, 'initial.jwk.json') });
      const initial = await keys.initialKey();
      await second.append(StreamIds.keyring, [{ type: 'SigningKeyRegistered', data: { kid: initial.kid, alg: initial.alg, publicJwk: { ...initial.publicJwk }, registeredAt: new Date().toISOString() } }], 'no_stream');
      await second.append('rollout-org/net', [{ type: 'RolloutStarted', data: { policyId: 'org/net', version: '2.0.0' } }], 'no_stream');
      const secondAnchor = new AuditAnchor({ store: second, signer: new ActiveSigner(second, keys), clock: systemClock, leaderLock: new PostgresLeaderLock(url, { schema: other }), logger, intervalMs: INTERVAL_MS, broken: secondBroken });
      secondAnchor.start();
      try {
        await eventually(async () => (await second.readStream(StreamIds.auditCheckpoint)).find((e) => e.type === 'AuditCheckpointSigned'), 'a first checkpoint');
        await sql(`ALTER TABLE "${other}".events DISABLE TRIGGER USER;
          UPDATE "${other}".events SET data = '{"policyId":"org/net","version":"6.6.6"}' WHERE position = 2;
          ALTER TABLE "${other}".events ENABLE TRIGGER USER;`);
        const reported = await eventually(async () => (await second.readStream(StreamIds.auditCheckpoint)).find((e) => e.type === 'AuditChainBroken'), 'AuditChainBroken');
        expect(reported.data).toMatchObject({ position: 2, kind: 'edited', code: 'HASH_MISMATCH' });
        expect((await secondBroken.get()).values[0]?.value).toBe(1);
      } finally {
        await secondAnchor.stop();
      }
    } finally {
      await second.close();
      await sql(`DROP SCHEMA IF EXISTS "${other}" CASCADE`);
    }
  });
});
