import { PolicyCodes } from '../model/problem-codes';
import { validateBundleText } from './validate-bundle-text';

const text = `apiVersion: edict.io/v1
kind: PolicyBundle
metadata:
  policyId: teams/alpha/net
  version: 1.0.0
spec:
  rules:
    - id: a
      effect: allow
    - id: b
      effect: allow
    - id: c
      effect: allow
    - id: d
      effect: deny
      when: context.x >
`;

describe('validateBundleText', () => {
  it('given a CEL error in the fourth rule, when validated, then the problem has file, line, column and path', () => {
    const result = validateBundleText(text, { filename: 'teams/alpha/net.yaml' });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: PolicyCodes.CEL_COMPILE_FAILED, filename: 'teams/alpha/net.yaml', line: 16, column: 7, path: 'spec.rules[3].when' }),
    ]);
  });

  it('given JSON with an unknown field, when validated, then the problem points at the key', () => {
    const json = '{\n  "apiVersion": "edict.io/v1",\n  "kind": "PolicyBundle",\n  "metadata": { "policyId": "org/x", "version": "1.0.0" },\n  "spec": {\n    "rulez": []\n  }\n}\n';
    const result = validateBundleText(json, { filename: 'x.json' });
    expect(result.problems).toEqual([expect.objectContaining({ code: PolicyCodes.UNKNOWN_FIELD, line: 6, column: 5, path: 'spec.rulez' })]);
  });

  it('given a syntax error, when validated, then only the syntax error is reported', () => {
    expect(validateBundleText('a: [1,\n', { filename: 'x.yaml' })).toMatchObject({ ok: false, problems: [{ code: PolicyCodes.BUNDLE_SYNTAX, filename: 'x.yaml' }] });
  });
});
