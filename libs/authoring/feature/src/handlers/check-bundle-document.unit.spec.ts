import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBundleText } from '@edict/policy-engine';
import { UnprocessableError } from '@edict/core';
import { repoRoot } from '@edict/testing';
import { checkBundleDocument } from './check-bundle-document';

const baseline = readFileSync(join(repoRoot(), 'examples/bundles/org/baseline.yaml'), 'utf8');
const broken = readFileSync(join(repoRoot(), 'examples/bundles/org/baseline.broken.yaml'), 'utf8');
const documentOf = (text: string): Record<string, unknown> => {
  const parsed = parseBundleText(text);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.document as Record<string, unknown>;
};
const refusal = (run: () => unknown): UnprocessableError => {
  try {
    run();
  } catch (error) {
    if (error instanceof UnprocessableError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('checkBundleDocument: the fast checks of drafting and revising', () => {
  it('refuses an unknown field with 422 BUNDLE.INVALID_DOCUMENT, located in the text', () => {
    const text = baseline.replace(/^ {2}rules:$/m, '  rulez:');
    const error = refusal(() => checkBundleDocument({ source: text, filename: 'baseline.yaml' }, documentOf(text)));
    expect(error).toMatchObject({ status: 422, code: 'BUNDLE.INVALID_DOCUMENT' });
    const line = text.split('\n').findIndex((l) => l === '  rulez:') + 1;
    expect(error.details?.['problems']).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'POLICY.UNKNOWN_FIELD', path: 'spec.rulez', line, column: 3, filename: 'baseline.yaml' })]));
  });

  it('refuses a CEL condition that does not compile, given as a parsed document (path, no line)', () => {
    const document = documentOf(baseline.replace('when: request.resource in settings.allowLists.domains', 'when: "request.resource in ("'));
    const error = refusal(() => checkBundleDocument({ document }, document));
    const problems = error.details?.['problems'] as { path?: string; line?: number }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ path: expect.stringMatching(/^spec\.rules\[\d+\]\.when$/) });
    expect(problems[0]?.line).toBeUndefined();
  });

  it('returns warnings and notes without refusing', () => {
    const findings = checkBundleDocument({ source: broken }, documentOf(broken));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding).toMatchObject({ severity: expect.stringMatching(/^(warning|info)$/), code: expect.stringMatching(/^LINT\./), line: expect.any(Number) });
  });
});
