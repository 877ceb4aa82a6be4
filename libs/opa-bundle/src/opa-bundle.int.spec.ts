import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { buildSignedOpaBundle, type SignedOpaBundle } from './build-signed-opa-bundle';
import { networkPolicy } from './opa-bundle.fixtures';
import type { OpaSigningOptions } from './opa-bundle.types';
import { opaSignerFromPrivateKey } from './opa-signer';
import { packOpaTarball } from './opa-tarball';

// Stock opa (OPA_PATH, v1.22.2) loads Edict's signed tarball only if the signature verifies with
// the ES256 public key given on the command line, and refuses it otherwise.
const opaPath = process.env.OPA_PATH ?? '';
const kid = 'edict-opa-int';
const started: ChildProcess[] = [];
let dir: string;
let bundle: SignedOpaBundle;

async function es256(): Promise<{ signing: OpaSigningOptions; pem: string }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { signing: { kid, alg: 'ES256', sign: opaSignerFromPrivateKey(await exportJWK(privateKey)) }, pem: await exportSPKI(publicKey) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `opa run --server` verifying the tarball; resolves once /health answers 200, or with how it exited. */
async function runOpa(tarball: string, port: number): Promise<{ ready: true } | { ready: false; code: number | null; output: string }> {
  const args = ['run', '--server', '--addr', `127.0.0.1:${port}`, '--bundle', '--verification-key', join(dir, 'pub.pem'), '--verification-key-id', kid, '--signing-alg', 'ES256', tarball];
  const child = spawn(opaPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = ''; // opa prints a load error on stdout, its logs on stderr
  let gone = false;
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  // 'close', not 'exit': by then the output has been read to the end
  const exited = new Promise<{ ready: false; code: number | null; output: string }>((resolve) => child.once('close', (code) => ((gone = true), resolve({ ready: false, code, output }))));
  const healthy = new Promise<{ ready: true }>((resolve) => void poll(port, () => gone).then((ok) => ok && resolve({ ready: true })));
  return Promise.race([healthy, exited]);
}

/** Asks /health until it answers 200 (true) or the process is gone (false). */
async function poll(port: number, gone: () => boolean): Promise<boolean> {
  while (!gone()) {
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50)); // poll interval, not an assertion delay
  }
  return false;
}

const decide = async (port: number, url: string): Promise<unknown> => {
  const response = await fetch(`http://127.0.0.1:${port}/v1/data/edict/teams/alpha/network`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: { url } }) });
  return ((await response.json()) as { result?: unknown }).result;
};

beforeAll(async () => {
  if (!opaPath) throw new Error('OPA_PATH is not set: the int tier provides it');
  dir = await mkdtemp(join(tmpdir(), 'edict-opa-bundle-'));
  const key = await es256();
  bundle = await buildSignedOpaBundle(networkPolicy(), key.signing);
  await writeFile(join(dir, 'pub.pem'), key.pem);
  await writeFile(join(dir, 'bundle.tar.gz'), bundle.tarball);
});

afterAll(async () => {
  const running = started.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map((child) => new Promise<void>((resolve) => (child.once('close', () => resolve()), child.kill('SIGTERM')))));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a signed Edict OPA bundle in stock opa', () => {
  it('verifies with the public key and answers decisions from the policy and its data', async () => {
    const port = await freePort();
    expect(await runOpa(join(dir, 'bundle.tar.gz'), port)).toEqual({ ready: true });
    expect(await decide(port, 'api.example.com')).toMatchObject({ deny: ['blocked host'] });
    expect(await decide(port, 'pypi.org')).toMatchObject({ allow: true, deny: [], allowed: ['pypi.org', 'github.com'] });
  });

  it('is refused with one byte changed in a module', async () => {
    const files = bundle.files.map((file) => (file.name.endsWith('/policy.rego') ? { ...file, bytes: Buffer.from(file.bytes.toString('utf8').replace('api.example.com', 'api.example.org')) } : file));
    await writeFile(join(dir, 'tampered.tar.gz'), await packOpaTarball(files));
    const outcome = await runOpa(join(dir, 'tampered.tar.gz'), await freePort());
    expect(outcome).toMatchObject({ ready: false, code: 1 });
    expect(outcome.ready === false && outcome.output).toMatch(/edict\/teams\/alpha\/network\/policy\.rego: digest mismatch/);
  });

  it('is refused when signed by another key under the same kid', async () => {
    const other = await buildSignedOpaBundle(networkPolicy(), (await es256()).signing);
    await writeFile(join(dir, 'other-key.tar.gz'), other.tarball);
    const outcome = await runOpa(join(dir, 'other-key.tar.gz'), await freePort());
    expect(outcome).toMatchObject({ ready: false, code: 1 });
    expect(outcome.ready === false && outcome.output).toMatch(/failed to verify JWT signature/);
  });
});
