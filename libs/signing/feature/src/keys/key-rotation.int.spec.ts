import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { Client } from 'pg';
import { StreamIds } from '@edict/contracts';
import { EdictError, fixedClock, verifyDetached } from '@edict/core';
import { createPostgresEventStore, type EventStore } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import type { Principal } from '@edict/service-kit';
import { jwksOf, keyringDecider } from '@edict/signing-domain';
import { RetireKeyHandler } from '../handlers/retire-key.handler';
import { RotateKeyHandler } from '../handlers/rotate-key.handler';
import { ActiveSigner } from './active-signer';
import { KeyDirectory } from './key-directory';

const schema = `signing_test_${randomBytes(6).toString('hex')}`;
const clock = fixedClock('2026-12-01T10:00:00.000Z');
const admin: Principal = { subject: 'sec-alice', roles: ['security'], teams: [] };
const refusal = async (work: Promise<unknown>): Promise<string> => work.then(() => 'no error', (error: unknown) => (error instanceof EdictError ? error.code : String(error)));

describe('key rotation against the real store', () => {
  let store: EventStore;
  const root = mkdtempSync(join(tmpdir(), 'edict-keys-'));
  const dir = join(root, 'keys');
  const initialKeyFile = join(root, 'initial.jwk.json');
  const replicaA = new KeyDirectory({ dir, initialKeyFile });

  beforeAll(async () => {
    store = await createPostgresEventStore({ connectionString: process.env['DATABASE_URL'] ?? '', schema, poolSize: 2 });
    // a key from before rotation: Ed25519 keeps verifying until it is retired
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    writeFileSync(initialKeyFile, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
  });

  afterAll(async () => {
    await store.close();
    const client = new Client({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  const keyring = async () => (await loadState(store, StreamIds.keyring, keyringDecider)).state;

  it('rotates: the new ES256 key is written 0600, registered, and signs on every replica that shares the directory', async () => {
    const initial = await replicaA.initialKey();
    await store.append(StreamIds.keyring, [{ type: 'SigningKeyRegistered', data: { kid: initial.kid, alg: initial.alg, publicJwk: { ...initial.publicJwk }, registeredAt: clock.now().toISOString() } }], 'no_stream');
    expect((await new ActiveSigner(store, replicaA).sign('{"a":1}')).kid).toBe(initial.kid);

    const rotated = await new RotateKeyHandler(store, clock, replicaA).handle(admin);
    expect(rotated).toMatchObject({ alg: 'ES256', status: 'active' });
    expect(readdirSync(dir)).toEqual([`${rotated.kid}.jwk.json`]);
    expect(statSync(join(dir, `${rotated.kid}.jwk.json`)).mode & 0o777).toBe(0o600);

    const replicaB = new KeyDirectory({ dir, initialKeyFile });
    const signed = await new ActiveSigner(store, replicaB).sign('{"a":1}');
    expect(signed).toMatchObject({ kid: rotated.kid, alg: 'ES256' });
    const jwk = jwksOf(await keyring()).keys.find((k) => k['kid'] === rotated.kid);
    await expect(verifyDetached(signed.signature, '{"a":1}', jwk ?? {})).resolves.toBe(true);
    const [registered] = (await store.readStream(StreamIds.keyring)).slice(-1);
    expect(registered?.metadata?.actor).toBe('sec-alice');
  });

  it('a replica without the active private key refuses to sign, naming the key, instead of signing with an older one', async () => {
    const stray = new KeyDirectory({ dir: join(root, 'elsewhere'), initialKeyFile });
    await stray.initialKey();
    const error = await new ActiveSigner(store, stray).sign('{"a":1}').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SIGNING.ACTIVE_KEY_UNAVAILABLE', retriable: true });
  });

  it('retires the old key (gone from the JWKS), refuses the last active key and an unknown kid', async () => {
    const [active, old] = (await keyring()).keys.slice().reverse();
    const retired = await new RetireKeyHandler(store, clock).handle(old?.kid ?? '', admin);
    expect(retired).toMatchObject({ kid: old?.kid, status: 'retired', retiredAt: clock.now().toISOString() });
    expect(jwksOf(await keyring()).keys.map((k) => k['kid'])).toEqual([active?.kid]);
    expect(await refusal(new RetireKeyHandler(store, clock).handle(active?.kid ?? '', admin))).toBe('KEYRING.LAST_ACTIVE_KEY');
    expect(await refusal(new RetireKeyHandler(store, clock).handle('no-such-kid', admin))).toBe('KEYRING.KEY_NOT_FOUND');
  });
});
