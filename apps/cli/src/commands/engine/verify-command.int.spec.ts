import { execFile, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `edict verify` as the egress runbook's CI step, run as the built CLI: the example bundle and its
// lock pass; enforcement off, a wildcard, drift and a missing lock fail with located findings and
// GitHub annotations; blocked decisions come from a decision-log stand-in and fail only when asked.
const root = resolve(__dirname, '../../../../..');
const cli = join(root, 'dist/apps/cli/src/main.js');
const example = join(root, 'examples/bundles/org/egress-allowlist.yaml');
let dir: string;
let decisionLog: Server;
const asked: URLSearchParams[] = [];

const edict = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((done) => {
    const url = `http://127.0.0.1:${(decisionLog.address() as AddressInfo).port}`;
    execFile(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env['PATH'], EDICT_DECISION_LOG_URL: url, EDICT_TOKEN: 't', HOME: dir, ...env } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });

const blocked = (id: string, resource: string, timestamp: string) => ({
  decisionId: id, timestamp, policyId: 'org/egress-allowlist', version: '1.0.0', subject: 's',
  request: { agent: 'coder', action: 'network.connect', resource },
  result: { effect: 'deny', rule: null, tier: 'org', reason: 'default', noMatch: true }, bundles: [], evaluationNs: 1, source: 'pdp', decisionPoint: 'p',
});

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'edict-cli-verify-'));
  for (const f of ['egress-allowlist.yaml', 'egress-allowlist.domains.lock']) copyFileSync(join(root, 'examples/bundles/org', f), join(dir, f));
  decisionLog = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://x').searchParams;
    asked.push(query);
    const items = query.get('effect') === 'deny' ? [blocked('d-2', 'evil.example.com', '2026-12-01T10:00:02.000Z'), blocked('d-1', 'evil.example.com', '2026-12-01T10:00:01.000Z')] : [];
    const allowed = query.get('effect') === 'allow' ? [{ ...blocked('d-0', 'pypi.org', '2026-12-01T10:00:00.000Z'), result: { effect: 'allow' } }] : [];
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [...items, ...allowed] }));
  });
  decisionLog.listen(0, '127.0.0.1');
  await once(decisionLog, 'listening');
}, 120_000);
afterAll(() => {
  decisionLog.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('edict verify', () => {
  it('given the example bundle and its lock, then it passes and the summary records settings and an empty drift', async () => {
    const r = await edict(['verify', example, '--summary-out', 'summary.json']);
    expect(r.stdout.trim()).toBe('verify: 1 bundle(s), 0 error(s), 0 warning(s)');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { ok: boolean; bundles: { policyId: string; flags: unknown; locks: unknown }[] };
    expect(summary.ok).toBe(true);
    expect(summary.bundles[0]).toMatchObject({ policyId: 'org/egress-allowlist', flags: { enforce: true }, locks: { domains: { file: 'egress-allowlist.domains.lock', present: true, drift: { added: [], removed: [] } } } });
  });

  it('given enforcement off, a wildcard and a drifted list, then each fails located, annotated under GitHub Actions, exit 1', async () => {
    const text = readFileSync(join(dir, 'egress-allowlist.yaml'), 'utf8').replace('enforce: true', 'enforce: false').replace('[pypi.org, github.com]', '[pypi.org, "*"]');
    writeFileSync(join(dir, 'bad.yaml'), text);
    const r = await edict(['verify', 'bad.yaml'], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      "bad.yaml:14:27: error POLICY.ALLOWLIST_WILDCARD allow-list 'domains' contains the wildcard '*'; list what is allowed instead",
      expect.stringMatching(/^bad\.yaml:14:7: error POLICY\.ALLOWLIST_LOCK_DRIFT .*added '\*' \(not in the lock\); removed 'github\.com'/),
      expect.stringMatching(/^bad\.yaml:20:7: error VERIFY\.ENFORCEMENT_OFF restriction flag 'enforce' is off/),
      "::error file=bad.yaml,line=14,col=27,title=POLICY.ALLOWLIST_WILDCARD::allow-list 'domains' contains the wildcard '*'; list what is allowed instead",
      expect.stringMatching(/^::error file=bad\.yaml,line=20,col=7,title=VERIFY\.ENFORCEMENT_OFF::/),
      'verify: 1 bundle(s), 3 error(s), 0 warning(s)',
    ]));
  });

  it('given enforcement off with the CI override, then it is a warning only', async () => {
    writeFileSync(join(dir, 'off.yaml'), readFileSync(join(dir, 'egress-allowlist.yaml'), 'utf8').replace('enforce: true', 'enforce: false'));
    const viaFlag = await edict(['verify', 'off.yaml', '--allow-disabled', 'enforce']);
    const viaEnv = await edict(['verify', 'off.yaml'], { EDICT_CI_ALLOW_DISABLE: '1' });
    for (const r of [viaFlag, viaEnv]) {
      expect(r.stdout).toContain("off.yaml:20:7: warning VERIFY.ENFORCEMENT_OFF restriction flag 'enforce' is off (allowed by the CI override)");
      expect(r.code).toBe(0);
    }
  });

  it('given a missing lock file and --require-locks, then both fail', async () => {
    const sub = mkdtempSync(join(dir, 'nolock-'));
    copyFileSync(join(dir, 'egress-allowlist.yaml'), join(sub, 'b.yaml'));
    const r = await edict(['verify', join(sub, 'b.yaml'), '--require-locks']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error POLICY.ALLOWLIST_LOCK_MISSING');
    expect(r.stdout).toContain('error VERIFY.LOCK_FILE_MISSING the lock file egress-allowlist.domains.lock');
    expect(r.stdout).toContain("error VERIFY.ALLOW_LIST_UNLOCKED allow-list 'uploads' has no lock file");
  });

  it('given blocked decisions in the window, then --no-blocked-since fails and the summary has counts and recent blocked events', async () => {
    const r = await edict(['verify', example, '--no-blocked-since', '15m', '--summary-out', 'blocked.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error VERIFY\.BLOCKED_DECISIONS org\/egress-allowlist blocked 2 decision\(s\) since .*: evil\.example\.com/);
    expect(r.stdout).toMatch(/org\/egress-allowlist: 1 allowed, 2 blocked since/);
    const summary = JSON.parse(readFileSync(join(dir, 'blocked.json'), 'utf8')) as { decisions: { counts: unknown; recentBlocked: { decisionId: string }[]; since: string }[] };
    expect(summary.decisions[0]!.counts).toEqual({ allowed: 1, blocked: 2, total: 3, truncated: false });
    expect(summary.decisions[0]!.recentBlocked.map((d) => d.decisionId)).toEqual(['d-2', 'd-1']);
    const since = Date.parse(asked[asked.length - 1]!.get('since') ?? '');
    expect(Date.now() - since).toBeGreaterThanOrEqual(15 * 60_000);
    expect(asked[asked.length - 1]!.get('policyId')).toBe('org/egress-allowlist');
  });

  it('given blocked decisions without --no-blocked-since, then they are a warning; no input at all is a usage error', async () => {
    const r = await edict(['verify', '--policy', 'org/egress-allowlist', '--since', '1h']);
    expect(r.stdout).toContain('warning VERIFY.BLOCKED_DECISIONS');
    expect(r.code).toBe(0);
    expect((await edict(['verify'])).code).toBe(2);
    expect((await edict(['verify', example, '--no-blocked-since', 'soon'])).code).toBe(2);
  });
});
