import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@edict/testing';

/** A stand-in npm: `sbom` prints a small CycloneDX document, `audit` prints FAKE_AUDIT (or fails like an unreachable endpoint). */
const FAKE_NPM = `#!/usr/bin/env node
const [cmd] = process.argv.slice(2);
if (cmd === 'sbom') {
  if (process.env.FAKE_SBOM_BROKEN) { console.error('npm error sbom broken'); process.exit(1); }
  console.log(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ name: 'a' }, { name: 'b', properties: [{ name: 'cdx:npm:package:development', value: 'true' }] }] }));
} else if (cmd === 'audit') {
  if (!process.argv.includes('--omit=dev')) { console.error('expected --omit=dev'); process.exit(2); }
  if (process.env.FAKE_AUDIT) { console.log(process.env.FAKE_AUDIT); process.exit(1); }
  console.log(JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk' }));
  process.exit(1);
}
`;

const report = (vulnerabilities: Record<string, { name: string; severity: string; range: string; via: unknown[] }>, counts: Record<string, number>): string =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts } } });

describe('tools/ci/supply-chain.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'supply-chain-'));
  const npm = join(dir, 'npm');
  writeFileSync(npm, FAKE_NPM);
  chmodSync(npm, 0o755);
  const run = (env: Record<string, string>, ...args: string[]) => {
    const out = mkdtempSync(join(dir, 'out-'));
    const result = spawnSync(process.execPath, [join(repoRoot(), 'tools', 'ci', 'supply-chain.mjs'), '--out', out, ...args], {
      encoding: 'utf8', env: { ...process.env, EDICT_SUPPLY_CHAIN_NPM: npm, EDICT_SUPPLY_CHAIN_STRICT: '', EDICT_AUDIT_LEVEL: '', ...env },
    });
    const audit = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8')) as { status: string };
    return { status: result.status, out: result.stdout + result.stderr, audit, sbom: readFileSync(join(out, 'sbom.cdx.json'), 'utf8') };
  };

  it('writes the SBOM and fails on a high production vulnerability, naming it', () => {
    const vulns = { lodash: { name: 'lodash', severity: 'high', range: '<4.17.21', via: [{ title: 'Prototype Pollution' }] }, minimist: { name: 'minimist', severity: 'moderate', range: '<1.2.6', via: ['x'] } };
    const result = run({ FAKE_AUDIT: report(vulns, { high: 1, moderate: 1 }) });
    expect(result.status).toBe(1);
    expect(result.out).toContain('high     lodash <4.17.21 Prototype Pollution');
    expect(result.out).not.toContain('minimist');
    expect(result.audit).toMatchObject({ status: 'failed', level: 'high', findings: [{ name: 'lodash' }] });
    expect(JSON.parse(result.sbom)).toMatchObject({ bomFormat: 'CycloneDX' });
    expect(result.out).toContain('2 components, 1 production');
  });

  it('passes below the configured level, and fails at it', () => {
    const vulns = { minimist: { name: 'minimist', severity: 'moderate', range: '<1.2.6', via: [] } };
    expect(run({ FAKE_AUDIT: report(vulns, { moderate: 1 }) })).toMatchObject({ status: 0, audit: { status: 'passed' } });
    expect(run({ FAKE_AUDIT: report(vulns, { moderate: 1 }) }, '--audit-level', 'moderate')).toMatchObject({ status: 1, audit: { status: 'failed' } });
  });

  it('says so when the audit endpoint does not answer: passes, or fails with --strict', () => {
    const lenient = run({});
    expect(lenient.status).toBe(0);
    expect(lenient.out).toContain('audit endpoint was unreachable (405 Method Not Allowed');
    expect(lenient.out).toContain('NOT checked');
    expect(lenient.audit).toMatchObject({ status: 'unavailable', strict: false });
    expect(run({ EDICT_SUPPLY_CHAIN_STRICT: '1' })).toMatchObject({ status: 1, audit: { status: 'unavailable', strict: true } });
  });

  it('fails when no SBOM can be made', () => {
    const result = spawnSync(process.execPath, [join(repoRoot(), 'tools', 'ci', 'supply-chain.mjs'), '--out', mkdtempSync(join(dir, 'out-'))], {
      encoding: 'utf8', env: { ...process.env, EDICT_SUPPLY_CHAIN_NPM: npm, FAKE_SBOM_BROKEN: '1' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm sbom failed');
  });
});
