import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidationCheck, ValidationReport } from '@edict/contracts';
import { eventually, people, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';

interface Verdict {
  readonly outcome: 'validated' | 'failed';
  readonly report: ValidationReport;
}

/**
 * The seed runbook's egress rule as a Rego-only bundle goes through the whole pipeline: the
 * validation service runs the real opa on it (check, test with coverage, fmt), it is approved,
 * signed and rolled out; a version whose Rego test fails is rejected with the failing test named.
 */
describe('a Rego bundle through the pipeline', () => {
  const root = repoRoot();
  const example = (path: string): string => join(root, 'examples/bundles', path);
  let stack: Stack;
  let client: StackClient;
  const alice = (): ReturnType<StackClient['as']> => client.as(people.alice.subject, [...people.alice.roles]);
  const validationPath = (policyId: string, version: string): string => `/v1/validations/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;
  const verdictOf = (policyId: string, version: string): Promise<Verdict> =>
    eventually(`the verdict on ${policyId}@${version}`, async () => {
      const answer = await alice().call<Verdict>('validation', 'GET', validationPath(policyId, version));
      return answer.status === 200 ? answer.body : undefined;
    });
  const rego = (verdict: Verdict): [string, string][] =>
    verdict.report.checks.filter((c: ValidationCheck) => c.name.startsWith('rego-')).map((c) => [c.name, c.status]);

  beforeAll(async () => {
    if (!process.env['OPA_PATH']) throw new Error('OPA_PATH is not set (the e2e tier provides it)');
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('rego').replace(/-/g, '_'),
      logDir: mkdtempSync(join(tmpdir(), 'edict-rego-e2e-')),
      env: { EDICT_TOPIC_PREFIX: `${uniqueName('rego')}.`, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'), EDICT_REGO_MIN_COVERAGE: 'org=90', LOG_LEVEL: 'warn' },
    });
    client = new StackClient(stack.env);
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('validates, approves, signs and rolls out the egress Rego bundle, its opa checks passing with full coverage', async () => {
    const { policyId, version } = await shipBundle(client, example('org/egress.rego.yaml'));
    const verdict = await verdictOf(policyId, version);
    expect(verdict.outcome).toBe('validated');
    expect(rego(verdict)).toEqual([['rego-check', 'pass'], ['rego-test', 'pass'], ['rego-fmt', 'pass']]);
    expect(verdict.report.coverage?.rego).toEqual({ percentage: 100, minimum: 90, uncovered: {} });
  });

  it('rejects the failing variant with the failing Rego test named', async () => {
    const file = example('org/egress.rego.failing.yaml');
    const drafted = await alice().call<{ policyId: string; version: string }>('authoring', 'POST', '/v1/bundles', { source: readFileSync(file, 'utf8'), filename: file });
    expect(drafted.status).toBe(201);
    const { policyId, version } = drafted.body;
    const submitted = await alice().call('authoring', 'POST', `/v1/bundles/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}/submit`, {});
    expect(submitted.status).toBe(200);
    const verdict = await verdictOf(policyId, version);
    expect(verdict.outcome).toBe('failed');
    expect(rego(verdict)).toEqual([['rego-check', 'pass'], ['rego-test', 'fail'], ['rego-fmt', 'pass']]);
    const test = verdict.report.checks.find((c) => c.name === 'rego-test');
    expect(test?.findings).toEqual([expect.objectContaining({ code: 'REGO.TEST_FAILED', message: 'test data.edict.org.egress.tests.test_denies_pypi failed', file: 'policy_test.rego', line: 14 })]);
  });
});
