import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '@edict/testing';

/**
 * promtool (Debian's `prometheus` package) from PROMTOOL, PATH or /usr/bin/promtool, else
 * installed by tools/ensure-promtool.sh (root or passwordless sudo), as the harness provides opa.
 * Absent after that, the spec fails: an unchecked rule file is what this test exists to stop.
 */
function promtool(): string {
  const candidates = [process.env['PROMTOOL'], ...(process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'promtool')), '/usr/bin/promtool'];
  for (const file of candidates) {
    if (!file) continue;
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // next candidate
    }
  }
  const ensured = spawnSync('bash', [join(repoRoot(), 'tools', 'ensure-promtool.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 });
  const path = ensured.stdout?.trim();
  if (ensured.status === 0 && path) return path;
  throw new Error('promtool not found (PROMTOOL, PATH, /usr/bin/promtool) and tools/ensure-promtool.sh could not install it: install Debian\'s prometheus package — the alert rules cannot be checked without it');
}

interface RuleFile { readonly groups: readonly { readonly rules: readonly { readonly alert?: string }[] }[] }
interface TestFile { readonly tests: readonly { readonly alert_rule_test?: readonly { readonly alertname: string }[] }[] }

describe('the Prometheus alert rules (k8s/base/alerts)', () => {
  const dir = join(repoRoot(), 'k8s', 'base', 'alerts');
  const bin = promtool();
  const run = (cwd: string, ...args: string[]) => spawnSync(bin, args, { cwd, encoding: 'utf8' });

  it('pass promtool check rules', () => {
    const result = run(dir, 'check', 'rules', 'edict-alerts.yaml');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('pass promtool test rules', () => {
    const result = run(dir, 'test', 'rules', 'edict-alerts.test.yaml');
    expect({ status: result.status, out: result.stdout + result.stderr }).toEqual({ status: 0, out: expect.stringContaining('SUCCESS') });
  });

  it('have a test case for every alert', () => {
    const rules = parse(readFileSync(join(dir, 'edict-alerts.yaml'), 'utf8')) as RuleFile;
    const tests = parse(readFileSync(join(dir, 'edict-alerts.test.yaml'), 'utf8')) as TestFile;
    const alerts = rules.groups.flatMap((g) => g.rules.map((r) => r.alert)).filter((a): a is string => a !== undefined);
    const tested = new Set(tests.tests.flatMap((t) => (t.alert_rule_test ?? []).map((a) => a.alertname)));
    expect(alerts.filter((a) => !tested.has(a))).toEqual([]);
    expect(alerts).toEqual(expect.arrayContaining(['PolicyErrorRateHigh', 'PolicyRollbackFailed', 'PolicyCanaryGateFailing', 'PolicyBudgetHigh', 'PolicyDenyRateHigh', 'PolicyDecisionLatencyHigh', 'EdictDecisionLogConsumerLagging', 'EdictRelayLagging', 'EdictDecisionWatermarkLagging', 'EdictAuditChainBroken']));
  });

  it('fail promtool test rules when a threshold changes (the tests can fail)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'edict-alerts-'));
    copyFileSync(join(dir, 'edict-alerts.test.yaml'), join(copy, 'edict-alerts.test.yaml'));
    const rules = readFileSync(join(dir, 'edict-alerts.yaml'), 'utf8');
    const loosened = rules.replace('> 0.8 * max by (namespace, policy) (edict_incident_response_daily_cost_budget)', '> 0.9 * max by (namespace, policy) (edict_incident_response_daily_cost_budget)');
    expect(loosened).not.toBe(rules);
    writeFileSync(join(copy, 'edict-alerts.yaml'), loosened);
    const result = run(copy, 'test', 'rules', 'edict-alerts.test.yaml');
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('alertname: PolicyBudgetHigh');
  });
});
