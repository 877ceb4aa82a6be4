import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

// The built CLI as a process against a stand-in distribution service: output formats, exit codes
// and error lines, profiles in a config file under a temporary HOME, and bash completion.
const root = resolve(__dirname, '../../../../..');
const cli = join(root, 'dist/apps/cli/src/main.js');
const view = { policyId: 'org/a', stable: { version: '1.0.0', activeForSeconds: 90 }, canary: null, pinned: null, killSwitch: null, revision: 7 };
const seen: IncomingHttpHeaders[] = [];
let server: Server;
let url: string;
let home: string;

const answer = (path: string): [number, unknown] => {
  if (path.endsWith('/org%2Fa')) return [200, view];
  if (path.endsWith('/org%2Fsecret')) return [403, { code: 'AUTH.ROLE_REQUIRED', detail: 'needs one of: platform' }];
  return [404, { code: 'ROLLOUT.NOT_FOUND', detail: 'no rollout for org/x' }];
};

const edict = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((done) => {
    const base = { PATH: process.env['PATH'] ?? '', HOME: home, EDICT_DISTRIBUTION_URL: url, NO_COLOR: '1' };
    execFile(process.execPath, [cli, ...args], { cwd: root, env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: 'pipe' });
  home = mkdtempSync(join(tmpdir(), 'edict-cli-home-'));
  server = createServer((req, res) => {
    seen.push(req.headers);
    const [status, body] = answer(req.url ?? '');
    res.writeHead(status, { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  rmSync(home, { recursive: true, force: true });
});

describe('--output', () => {
  it('given a pipe, then JSON by default; --output yaml gives YAML; --output table a table of what serves', async () => {
    expect(JSON.parse((await edict(['rollout', 'status', 'org/a'])).stdout)).toEqual(view);
    expect(parse((await edict(['rollout', 'status', 'org/a', '--output', 'yaml'])).stdout)).toEqual(view);
    const table = await edict(['rollout', 'status', 'org/a', '--output', 'table']);
    expect(table.stdout).toMatch(/stable\s*│\s*1\.0\.0 \(for 1m 30s\)/);
    expect(table.stdout).toMatch(/revision\s*│\s*7 \(for --if-match\)/);
  }, 60_000);

  it('given an unknown format, then a usage error (exit 2) that names the choices', async () => {
    const r = await edict(['rollout', 'status', 'org/a', '--output', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("edict: option '--output <format>' argument 'xml' is invalid. 'xml' is not one of: table, json, yaml");
  }, 60_000);
});

describe('exit codes and error lines', () => {
  it.each([
    ['org/x', 3, 'edict: ROLLOUT.NOT_FOUND: no rollout for org/x\n'],
    ['org/secret', 5, 'edict: AUTH.ROLE_REQUIRED: needs one of: platform\n'],
  ])('given %s, then exit %i and one line with the code', async (policy, code, line) => {
    const r = await edict(['rollout', 'status', policy]);
    expect(r.code).toBe(code);
    expect(r.stderr).toBe(line);
    expect(r.stdout).toBe('');
  }, 60_000);

  it('given a service that does not answer, then exit 6', async () => {
    const closed = createServer();
    await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const r = await edict(['rollout', 'status', 'org/a'], { EDICT_DISTRIBUTION_URL: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(6);
    expect(r.stderr).toBe(`edict: CLI.SERVICE_UNREACHABLE: distribution is not reachable at http://127.0.0.1:${port}/v1/rollouts/org%2Fa: ECONNREFUSED\n`);
  }, 60_000);

  it('given --help, then the exit codes are documented', async () => {
    const r = await edict(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3  not found');
    expect(r.stdout).toContain('6  service unreachable');
  }, 60_000);
});

describe('edict config', () => {
  it('keeps a token and a URL in a profile (0600), used unless the environment or a flag says otherwise', async () => {
    const env = { EDICT_DISTRIBUTION_URL: undefined };
    expect((await edict(['config', 'set', 'urls.distribution', url], env)).code).toBe(0);
    expect((await edict(['config', 'set', 'token', 'profile-token'], env)).code).toBe(0);
    const file = join(home, '.config/edict/config.yaml');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parse(readFileSync(file, 'utf8'))).toEqual({ profiles: { default: { urls: { distribution: url }, token: 'profile-token' } } });

    seen.length = 0;
    expect((await edict(['rollout', 'status', 'org/a'], env)).code).toBe(0);
    expect((await edict(['rollout', 'status', 'org/a'], { ...env, EDICT_TOKEN: 'env-token' })).code).toBe(0);
    expect((await edict(['rollout', 'status', 'org/a', '--token', 'flag-token'], { ...env, EDICT_TOKEN: 'env-token' })).code).toBe(0);
    expect(seen.map((h) => h.authorization)).toEqual(['Bearer profile-token', 'Bearer env-token', 'Bearer flag-token']);

    expect((await edict(['--profile', 'prod', 'config', 'set', 'token', 'prod-token'], env)).code).toBe(0);
    expect((await edict(['config', 'get', 'token'], { ...env, EDICT_PROFILE: 'prod' })).stdout).toBe('prod-token\n');
    expect((await edict(['config', 'use-profile', 'prod'], env)).code).toBe(0);
    const listed = parse((await edict(['config', 'list', '--output', 'yaml'], env)).stdout) as { profile: string; settings: { key: string; value?: string; source: string }[] };
    expect(listed.profile).toBe('prod');
    expect(listed.settings).toContainEqual({ key: 'token', value: '…', source: 'profile' });
    expect(listed.settings).toContainEqual({ key: 'urls.distribution', value: 'http://127.0.0.1:4104', source: 'default' });
  }, 120_000);

  it('given EDICT_CONFIG, then that file; an unknown key is refused and nothing is written', async () => {
    const other = join(home, 'elsewhere.yaml');
    const bad = await edict(['config', 'set', 'urls.nope', 'http://x'], { EDICT_CONFIG: other });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^edict: unknown config key 'urls\.nope'/);
    expect(() => statSync(other)).toThrow();
    expect((await edict(['config', 'set', 'urls.pdp', 'http://pdp:4107'], { EDICT_CONFIG: other })).code).toBe(0);
    expect(parse(readFileSync(other, 'utf8'))).toEqual({ profiles: { default: { urls: { pdp: 'http://pdp:4107' } } } });
  }, 60_000);
});

describe('edict completion bash', () => {
  it('completes subcommands and options in a real bash', async () => {
    const script = (await edict(['completion', 'bash'])).stdout;
    const complete = (line: string): string => execFileSync('bash', ['-c', `${script}\nCOMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _edict; echo "\${COMPREPLY[*]}"`], { encoding: 'utf8' }).trim();
    expect(complete("edict bundle dr")).toBe('draft');
    expect(complete("edict rollout status org/a --o")).toBe('--output');
    expect(complete("edict ro")).toBe('rollout');
  }, 60_000);
});
