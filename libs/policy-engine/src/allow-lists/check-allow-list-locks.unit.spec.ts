import { PolicyCodes } from '../model/problem-codes';
import type { BundleSettings } from '../model/bundle-document.types';
import { bundleDoc } from '../testing/bundle-builder';
import { validateBundleDocument } from '../validate/validate-bundle-document';
import { allowListDrift, parseLockText } from './parse-lock-text';

const LOCK = '# Egress Policy Allowlist Lock\n# One token per line, comments start with #\n\npypi.org\n  github.com  \n';
const problems = (settings: BundleSettings) => validateBundleDocument(bundleDoc('org/egress', { settings }));

describe('allow-list lock files', () => {
  it('given the runbook\'s lock format, when parsed, then comments and blank lines are skipped and tokens trimmed', () => {
    expect(parseLockText(LOCK)).toEqual(['pypi.org', 'github.com']);
  });

  it('given a list and a lock that differ, when compared, then added and removed are named (order ignored)', () => {
    expect(allowListDrift(['github.com', 'evil.io', 'github.com'], ['pypi.org', 'github.com'])).toEqual({ added: ['evil.io'], removed: ['pypi.org'] });
  });

  it('given an allow-list that matches its embedded lock, when validated, then there is no problem', () => {
    expect(problems({ allowLists: { domains: ['github.com', 'pypi.org'] }, allowListLocks: { domains: { file: 'egress.domains.lock', text: LOCK } } })).toEqual([]);
  });

  it('given an allow-list that drifted from its lock, when validated, then the drift is an error naming added and removed', () => {
    const found = problems({ allowLists: { domains: ['github.com', 'evil.io'] }, allowListLocks: { domains: { file: 'egress.domains.lock', text: LOCK } } });
    expect(found).toEqual([expect.objectContaining({ code: PolicyCodes.ALLOWLIST_LOCK_DRIFT, severity: 'error', path: 'spec.settings.allowLists.domains' })]);
    expect(found[0]!.message).toContain("added 'evil.io' (not in the lock); removed 'pypi.org' (in the lock, not in the list)");
    expect(found[0]!.message).toContain('egress.domains.lock');
  });

  it('given a lock declared without its text, when validated, then the missing lock is an error', () => {
    expect(problems({ allowLists: { domains: ['pypi.org'] }, allowListLocks: { domains: { file: 'egress.domains.lock' } } }).map((p) => p.code)).toEqual([PolicyCodes.ALLOWLIST_LOCK_MISSING]);
  });

  it('given a lock of a list the bundle lacks, when validated, then it is an error', () => {
    expect(problems({ allowLists: { domains: ['pypi.org'] }, allowListLocks: { tools: { file: 't.lock', text: 'x' } } }).map((p) => [p.code, p.path])).toEqual([[PolicyCodes.ALLOWLIST_UNKNOWN, 'spec.settings.allowListLocks.tools']]);
  });

  it('given an empty allow-list, when validated, then it is an error unless the bundle says it means nothing allowed', () => {
    expect(problems({ allowLists: { domains: [] } }).map((p) => [p.code, p.severity])).toEqual([[PolicyCodes.ALLOWLIST_EMPTY, 'error']]);
    expect(problems({ allowLists: { domains: [] }, allowListsEmptyMeansNone: ['domains'] })).toEqual([]);
  });

  it('given allowListsEmptyMeansNone naming a non-empty or missing list, when validated, then each is an error', () => {
    expect(problems({ allowLists: { domains: ['pypi.org'] }, allowListsEmptyMeansNone: ['domains', 'tools'] }).map((p) => p.code)).toEqual([
      PolicyCodes.ALLOWLIST_EMPTY_MEANS_NONE_CONFLICT,
      PolicyCodes.ALLOWLIST_UNKNOWN,
    ]);
  });

  it('given an unknown field in a lock, when validated, then the schema refuses it', () => {
    const settings = { allowLists: { domains: ['pypi.org'] }, allowListLocks: { domains: { file: 'a.lock', text: 'pypi.org', sha: 'x' } } } as unknown as BundleSettings;
    expect(problems(settings).map((p) => [p.code, p.path])).toEqual([[PolicyCodes.UNKNOWN_FIELD, 'spec.settings.allowListLocks.domains.sha']]);
  });
});
