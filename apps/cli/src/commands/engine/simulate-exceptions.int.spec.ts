import { execFile, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `edict simulate` with exceptions, through the built CLI: from a file (NDJSON and GET /v1/exceptions's
// answer) and online from an authoring stand-in; the report shows both replays and what each exception changed.
const root = resolve(__dirname, '../../../../..');
const cli = join(root, 'dist/apps/cli/src/main.js');
const ex = (path: string): string => join(root, 'examples/bundles', path);
const candidate = ex('org/baseline.candidate.yaml');
const decisions = ex('decisions/org-baseline.ndjson');
const waiver = { exceptionId: 'EXC-007', policyId: 'org/baseline', ruleId: 'repo-write-approval', resource: 'repos/alpha/*', status: 'approved', active: true, expiresAt: '2026-02-01T00:00:00Z' };
const other = { ...waiver, exceptionId: 'EXC-008', policyId: 'teams/other/app' };
let dir: string;
let authoring: Server;
let url: string;
let seenAuth: string | undefined;

const edict = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => new Promise((done) => {
  execFile(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env['PATH'], HOME: dir, EDICT_AUTHORING_URL: url, EDICT_TOKEN: 'tok' } }, (error, stdout, stderr) => {
    done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
  });
});
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'edict-cli-simulate-'));
  authoring = createServer((request, response) => {
    seenAuth = request.headers.authorization;
    response.writeHead(request.url === '/v1/exceptions' ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(request.url === '/v1/exceptions' ? { items: [waiver, other] } : { code: 'NOT_FOUND' }));
  });
  await new Promise<void>((ready) => authoring.listen(0, '127.0.0.1', ready));
  url = `http://127.0.0.1:${(authoring.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((closed) => authoring.close(closed));
  rmSync(dir, { recursive: true, force: true });
});

describe('edict simulate with exceptions', () => {
  it('given an NDJSON exception list, when simulated, then the report shows the replay with them and what each changed', async () => {
    const r = await edict(['simulate', '--candidate', candidate, '--decisions', decisions, '--exceptions', file('e.ndjson', `${JSON.stringify(waiver)}\n`)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Changed effect: 8 of 48');
    expect(r.stdout).toContain('With 1 exception(s) in force: changed effect 6 of 48; 2 decision(s) differ from the replay without them');
    expect(r.stdout).toContain('EXC-007 (org/baseline repo-write-approval on repos/alpha/*): applied to 2, changed the effect of 2');
  });

  it('given --exceptions-from-authoring, when simulated, then the list comes from GET /v1/exceptions and other policies are ignored', async () => {
    const r = await edict(['simulate', '--candidate', candidate, '--decisions', decisions, '--exceptions-from-authoring', '--json']);
    expect(r.code).toBe(0);
    expect(seenAuth).toBe('Bearer tok');
    const report = JSON.parse(r.stdout) as { changed: number; exceptions: { considered: number; changed: number; byException: { exceptionId: string; changed: number }[] } };
    expect(report.changed).toBe(8);
    expect(report.exceptions).toMatchObject({ considered: 1, changed: 6, byException: [{ exceptionId: 'EXC-007', applied: 2, changed: 2 }] });
  });

  it('given an exception that expired before the decisions, when simulated, then it changes nothing', async () => {
    const expired = file('expired.json', JSON.stringify({ items: [{ ...waiver, status: 'expired', expiresAt: '2026-01-01T00:00:00Z' }] }));
    const report = JSON.parse((await edict(['simulate', '--candidate', candidate, '--decisions', decisions, '--exceptions', expired, '--json'])).stdout) as { exceptions: { changedByExceptions: number } };
    expect(report.exceptions.changedByExceptions).toBe(0);
  });

  it('given an invalid exception list, when simulated, then it fails naming the item and prints no report', async () => {
    const r = await edict(['simulate', '--candidate', candidate, '--decisions', decisions, '--exceptions', file('bad.json', JSON.stringify([{ ...waiver, ruleId: '' }]))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: error POLICY\.EXCEPTION_RECORD_INVALID item 0: ruleId must be a non-empty string/);
    expect(r.stdout).toBe('');
  });
});
