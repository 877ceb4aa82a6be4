import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRegoChecks } from './index';
import { egressPolicy, egressTests } from './rego-fixtures';

// An opa that is missing, not executable, hangs or crashes: the checks fail with a finding, the
// call resolves, a hanging opa is killed (its whole process group), and no temp dir stays.
let scratch: string;
let bin: string;
const originalTmp = process.env['TMPDIR'];
const rego = { modules: { 'policy.rego': egressPolicy, 'policy_test.rego': egressTests } };

const script = (name: string, body: string, mode = 0o755): string => {
  const path = join(bin, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, mode);
  return path;
};

beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'edict-opa-bin-'));
  scratch = mkdtempSync(join(tmpdir(), 'edict-opa-fail-'));
  process.env['TMPDIR'] = scratch;
});
afterAll(() => {
  process.env['TMPDIR'] = originalTmp;
  rmSync(scratch, { recursive: true, force: true });
  rmSync(bin, { recursive: true, force: true });
});
afterEach(() => expect(readdirSync(scratch)).toEqual([]));

const codes = (result: Awaited<ReturnType<typeof runRegoChecks>>) => result.checks.map((c) => [c.name, c.status, c.findings.map((f) => f.code)]);

describe('runRegoChecks when opa cannot do its work', () => {
  it('given a path where no opa is, then every check fails with REGO.OPA_UNAVAILABLE', async () => {
    const result = await runRegoChecks(rego, { opaPath: join(bin, 'no-such-opa'), minCoverage: 0 });
    expect(codes(result)).toEqual([
      ['rego-check', 'fail', ['REGO.OPA_UNAVAILABLE']],
      ['rego-test', 'fail', ['REGO.OPA_UNAVAILABLE']],
      ['rego-fmt', 'fail', ['REGO.OPA_UNAVAILABLE']],
    ]);
  });

  it('given a file that is not executable, then every check fails with REGO.OPA_UNAVAILABLE', async () => {
    const result = await runRegoChecks(rego, { opaPath: script('plain-opa', 'exit 0', 0o644), minCoverage: 0 });
    expect(result.checks.every((c) => c.status === 'fail' && c.findings[0]?.code === 'REGO.OPA_UNAVAILABLE')).toBe(true);
  });

  it('given an opa that hangs, then it is killed at the time limit and the checks fail with REGO.OPA_TIMEOUT', async () => {
    const marker = join(bin, 'hang-finished');
    const hang = script('hanging-opa', `sleep 30\ntouch ${marker}`);
    const started = Date.now();
    const result = await runRegoChecks(rego, { opaPath: hang, minCoverage: 0, timeoutMs: 500 });
    // the budget covers every opa run: check timed out, test is skipped, fmt had no time left
    expect(codes(result)).toEqual([
      ['rego-check', 'fail', ['REGO.OPA_TIMEOUT']],
      ['rego-test', 'skipped', []],
      ['rego-fmt', 'fail', ['REGO.OPA_TIMEOUT']],
    ]);
    // resolved long before the script's sleep would end: the kill reached the sleeping child too
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readdirSync(bin)).not.toContain('hang-finished');
  });

  it('given an opa that crashes or answers nonsense, then the checks fail with REGO.OPA_FAILED', async () => {
    const crash = await runRegoChecks(rego, { opaPath: script('crashing-opa', 'kill -SEGV $$'), minCoverage: 0 });
    expect(codes(crash)[0]).toEqual(['rego-check', 'fail', ['REGO.OPA_FAILED']]);
    expect(crash.checks[0]?.findings[0]?.message).toContain('killed by SIGSEGV');
    const nonsense = await runRegoChecks(rego, { opaPath: script('odd-opa', 'echo "what?"; exit 7'), minCoverage: 0 });
    expect(codes(nonsense)).toEqual([
      ['rego-check', 'fail', ['REGO.OPA_FAILED']],
      ['rego-test', 'skipped', []],
      ['rego-fmt', 'fail', ['REGO.OPA_FAILED']],
    ]);
    expect(nonsense.checks[0]?.findings[0]?.message).toBe('opa check exited with code 7 and an unexpected answer: what?');
  });
});
