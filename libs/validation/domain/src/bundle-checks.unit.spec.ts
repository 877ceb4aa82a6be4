import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBundleText } from '@edict/policy-engine';
import { deciderSpec, repoRoot } from '@edict/testing';
import { checkSubmittedBundle, VALIDATION_CHECKS } from './bundle-checks';
import { validationDecider } from './validation.decider';

type Doc = Record<string, unknown> & { metadata: Record<string, unknown>; spec: { rules: Record<string, unknown>[] } };

/** The org baseline example, parsed the way authoring parses a drafted source. */
const baseline = (): Doc => {
  const file = join(repoRoot(), 'examples/bundles/org/baseline.yaml');
  const parsed = parseBundleText(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`the example does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.document as Doc;
};
const identity = { policyId: 'org/baseline', version: '1.0.0' };
const codes = (result: ReturnType<typeof checkSubmittedBundle>): string[] => result.problems.map((p) => p.code);

describe('checkSubmittedBundle', () => {
  it('finds nothing wrong with the org baseline example, and names the checks it ran', () => {
    const result = checkSubmittedBundle(baseline(), identity);
    expect(result).toEqual({ checks: [...VALIDATION_CHECKS], problems: [] });
    expect(result.checks).toEqual(['identity', 'schema', 'cel-compile']);
  });

  it('refuses a document that is not the version it was submitted as', () => {
    const result = checkSubmittedBundle(baseline(), { policyId: 'org/other', version: '1.0.1' });
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'VALIDATION.IDENTITY_MISMATCH', path: 'metadata.policyId', severity: 'error' }),
      expect.objectContaining({ code: 'VALIDATION.IDENTITY_MISMATCH', path: 'metadata.version', severity: 'error' }),
    ]);
  });

  it('reports a CEL condition that does not compile, at its rule', () => {
    const doc = baseline();
    doc.spec.rules[1] = { ...doc.spec.rules[1], when: 'context.risk_score >= ' };
    const result = checkSubmittedBundle(doc, identity);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'POLICY.CEL_COMPILE_FAILED', severity: 'error', path: expect.stringContaining('rules') }));
  });

  it('reports schema problems: a rule without an effect, an unknown field', () => {
    const doc = baseline();
    const { effect: _effect, ...withoutEffect } = doc.spec.rules[0] ?? {};
    doc.spec.rules[0] = withoutEffect;
    doc['surprise'] = true;
    const found = codes(checkSubmittedBundle(doc, identity));
    expect(found).toEqual(expect.arrayContaining(['POLICY.FIELD_MISSING', 'POLICY.UNKNOWN_FIELD']));
  });

  it.each([null, 'apiVersion: edict.io/v1', 42, []])('reports %j as neither the version nor a bundle', (document) => {
    const found = codes(checkSubmittedBundle(document, identity));
    expect(found.filter((c) => c === 'VALIDATION.IDENTITY_MISMATCH')).toHaveLength(2);
    expect(found.length).toBeGreaterThan(2);
  });
});

describe('checks feed the verdict', () => {
  const spec = deciderSpec(validationDecider);
  const record = (document: unknown) => {
    const { checks, problems } = checkSubmittedBundle(document, identity);
    return { type: 'RecordValidation' as const, data: { ...identity, digest: `sha256:${'c'.repeat(64)}`, checks, problems, at: '2025-03-01T10:00:00.000Z' } };
  };

  it('the baseline example is validated', () => {
    const state = spec.given([]).when(record(baseline())).then([
      { type: 'BundleValidated', data: { ...identity, digest: `sha256:${'c'.repeat(64)}`, checks: [...VALIDATION_CHECKS], warnings: [], validatedAt: '2025-03-01T10:00:00.000Z' } },
    ]);
    expect(state).toMatchObject({ outcome: 'validated' });
  });

  it('a broken copy fails, with its problems', () => {
    const doc = baseline();
    doc.metadata['version'] = '1.0.0-rc.1';
    const [event] = validationDecider.decide(record(doc), validationDecider.initialState());
    expect(event).toMatchObject({ type: 'BundleValidationFailed', data: { problems: expect.arrayContaining([expect.objectContaining({ path: 'metadata.version', severity: 'error' })]) } });
  });
});
