import { parseBundleText } from './parse-bundle-text';
import { PolicyCodes } from '../model/problem-codes';
import { Limits } from '../model/limits';

const yaml = `apiVersion: edict.io/v1
kind: PolicyBundle
metadata:
  policyId: org/baseline
  version: 1.0.0
spec:
  rules:
    - id: a
      effect: deny
`;

describe('parseBundleText', () => {
  it('given YAML, when parsed, then returns the plain document', () => {
    const result = parseBundleText(yaml, { filename: 'b.yaml' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.document).toMatchObject({ metadata: { policyId: 'org/baseline' }, spec: { rules: [{ id: 'a' }] } });
  });

  it('given JSON (by extension or by its first character), when parsed, then returns the document', () => {
    const json = JSON.stringify({ apiVersion: 'edict.io/v1', spec: { rules: [] } }, null, 2);
    expect(parseBundleText(json, { filename: 'b.json' })).toMatchObject({ ok: true, format: 'json' });
    expect(parseBundleText(json)).toMatchObject({ ok: true, format: 'json' });
  });

  it('given malformed YAML, when parsed, then the error names file, line and column', () => {
    const result = parseBundleText('spec:\n  rules: [a, b\n  x: 1\n', { filename: 'bad.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ code: PolicyCodes.BUNDLE_SYNTAX, filename: 'bad.yaml', severity: 'error' });
      expect(result.errors[0]!.line).toBeGreaterThanOrEqual(2);
      expect(result.errors[0]!.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('given malformed JSON, when parsed, then the error has a line and column', () => {
    const result = parseBundleText('{\n  "a": 1,\n  "b": }\n', { filename: 'bad.json' });
    expect(result).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_SYNTAX, filename: 'bad.json', line: 3 }] });
  });

  it('given duplicate keys in YAML or JSON, when parsed, then it is a syntax error', () => {
    expect(parseBundleText('a: 1\na: 2\n')).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_SYNTAX, line: 2 }] });
    expect(parseBundleText('{"a": 1, "a": 2}', { format: 'json' })).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_SYNTAX }] });
  });

  it('given several YAML documents, when parsed, then it is refused', () => {
    expect(parseBundleText('a: 1\n---\nb: 2\n')).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_SYNTAX }] });
  });

  it('given text over 1 MiB, when parsed, then it is refused as too large before parsing', () => {
    const big = `notes: "${'x'.repeat(Limits.maxBundleBytes)}"\n`;
    expect(parseBundleText(big)).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_TOO_LARGE }] });
  });

  it('given multi-byte text just under 1 MiB in characters but over it in bytes, when parsed, then it is too large', () => {
    const text = `a: "${'é'.repeat(Limits.maxBundleBytes / 2 + 10)}"`;
    expect(parseBundleText(text)).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_TOO_LARGE }] });
  });

  it('given brackets nested 100,000 deep, when parsed, then it is refused with a position, without crashing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseBundleText(deep)).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_TOO_DEEP, line: 1, column: Limits.maxFlowNesting + 1 }] });
  });

  it('given block mappings nested past the document depth, when parsed, then it is too deep with the path', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    const result = parseBundleText(lines);
    expect(result).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_TOO_DEEP }] });
    if (!result.ok) expect(result.errors[0]!.path).toMatch(/^k0\.k1\.k2/);
  });

  it('given a YAML alias bomb, when parsed, then it is refused, not expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(parseBundleText(bomb)).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_SYNTAX }] });
  });

  it('given brackets inside quoted strings and comments, when scanned, then they do not count as nesting', () => {
    const text = `a: "${'['.repeat(200)}"\nb: '${'{'.repeat(200)}'\n# ${'['.repeat(200)}\n`;
    expect(parseBundleText(text)).toMatchObject({ ok: true });
  });

  it('given a parsed bundle, when a path is located, then it gives its line and column', () => {
    const result = parseBundleText(yaml);
    if (!result.ok) throw new Error('expected ok');
    expect(result.locate('spec.rules[0].effect')).toEqual({ line: 9, column: 7 });
    expect(result.locate('spec.rules[0].missing')).toEqual({ line: 8, column: 7 });
  });

  it('given a number that is not finite (YAML .inf/.nan, JSON 1e400), when parsed, then it is refused where it is written', () => {
    const inYaml = parseBundleText('spec:\n  settings:\n    limits:\n      maxCalls: .inf\n', { filename: 'inf.yaml' });
    expect(inYaml).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_NON_FINITE_NUMBER, path: 'spec.settings.limits.maxCalls', line: 4, filename: 'inf.yaml' }] });
    expect(parseBundleText('a: -.Inf\n')).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_NON_FINITE_NUMBER, path: 'a' }] });
    expect(parseBundleText('a: [1, .nan]\n')).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_NON_FINITE_NUMBER, path: 'a[1]' }] });
    const inJson = parseBundleText('{\n  "spec": {\n    "limit": 1e400\n  }\n}', { format: 'json' });
    expect(inJson).toMatchObject({ ok: false, errors: [{ code: PolicyCodes.BUNDLE_NON_FINITE_NUMBER, path: 'spec.limit', line: 3 }] });
    expect(parseBundleText('{"a": 1e308, "b": ".inf"}', { format: 'json' })).toMatchObject({ ok: true });
  });
});
