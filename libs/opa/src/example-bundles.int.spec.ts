import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileBundle, validateBundleText, type BundleDocument } from '@edict/policy-engine';
import { runRegoChecks } from './index';

// The Rego example bundles as validation sees them: the schema accepts a Rego-only bundle, and
// the real opa passes the example and fails the failing variant on its test.
const examples = resolve(__dirname, '../../../examples/bundles/org');
const opaPath = process.env['OPA_PATH'] ?? '';

const load = (name: string): BundleDocument => {
  const validated = validateBundleText(readFileSync(join(examples, name), 'utf8'), { filename: name });
  if (!validated.ok) throw new Error(`${name}: ${validated.problems.map((p) => p.message).join('; ')}`);
  expect(validated.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return compileBundle(validated.document).document;
};

describe('the Rego example bundles', () => {
  it('given egress.rego.yaml, then it has no CEL rules and passes every Rego check at the tier minimum of 90%', async () => {
    const document = load('egress.rego.yaml');
    expect(document.spec.rules ?? []).toEqual([]);
    const result = await runRegoChecks(document.spec.rego ?? {}, { opaPath, minCoverage: 90, policyId: document.metadata.policyId });
    expect(result.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
    expect(result.coverage?.percentage).toBe(100);
  });

  it('given egress.rego.failing.yaml, then rego-test fails on test_denies_pypi', async () => {
    const document = load('egress.rego.failing.yaml');
    const result = await runRegoChecks(document.spec.rego ?? {}, { opaPath, minCoverage: 0, policyId: document.metadata.policyId });
    expect(result.checks.map((c) => c.status)).toEqual(['pass', 'fail', 'pass']);
    expect(result.checks[1]?.findings.map((f) => f.message)).toEqual(['test data.edict.org.egress.tests.test_denies_pypi failed']);
  });
});
