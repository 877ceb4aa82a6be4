import { regoPackageOf, regoRootOf } from '@edict/opa-bundle';
import { checkModuleNames, moduleNameProblem } from './module-names';
import { isUnderRoot, refSegments } from './rego-ref-path';

describe('the OPA root of a policy', () => {
  it.each([
    ['org/egress', 'edict/org/egress', 'edict.org.egress'],
    ['teams/alpha/network', 'edict/teams/alpha/network', 'edict.teams.alpha.network'],
    ['org/my-policy', 'edict/org/my-policy', 'edict.org["my-policy"]'],
    ['projects/alpha/web/v1.2', 'edict/projects/alpha/web/v1.2', 'edict.projects.alpha.web["v1.2"]'],
  ])('given %s, then the root is %s and its package %s', (policyId, root, pkg) => {
    expect(regoRootOf(policyId)).toBe(root);
    expect(regoPackageOf(root)).toBe(pkg);
  });

  it.each([
    ['data.edict.org.egress', ['edict', 'org', 'egress']],
    ['data.edict.org["my-policy"].tests', ['edict', 'org', 'my-policy', 'tests']],
    ['data.edict.org["a\\"b"]', ['edict', 'org', 'a"b']],
    ['data.edict.org.my-policy', undefined],
    ['input.x', undefined],
  ])('given the ref %s, then its segments are %j', (ref, segments) => {
    expect(refSegments(ref)).toEqual(segments);
  });

  it('given package segments, then only the root and what is below it are inside', () => {
    expect(isUnderRoot(['edict', 'org', 'egress'], 'edict/org/egress')).toBe(true);
    expect(isUnderRoot(['edict', 'org', 'egress', 'tests'], 'edict/org/egress')).toBe(true);
    expect(isUnderRoot(['edict', 'org'], 'edict/org/egress')).toBe(false);
    expect(isUnderRoot(['edict', 'org', 'egress_test'], 'edict/org/egress')).toBe(false);
  });
});

describe('module file names', () => {
  it.each(['policy.rego', 'lib/util.rego', 'edict/org/egress/policy_test.rego', 'v1.2-x.rego'])('given %s, then it is accepted', (name) => {
    expect(moduleNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'must be 1 to 256 characters'],
    ['policy.json', 'must end in .rego'],
    ['/abs/p.rego', 'must be a relative path'],
    ['a/../p.rego', "has the path segment '..'; use letters, digits, '_', '-' and '.', not starting with '.' or '-'"],
    ['a//p.rego', "has the path segment ''; use letters, digits, '_', '-' and '.', not starting with '.' or '-'"],
    ['-x.rego', "has the path segment '-x.rego'; use letters, digits, '_', '-' and '.', not starting with '.' or '-'"],
    ['a/b/c/d/e/f/g/h/i.rego', 'must be at most 8 levels deep'],
  ])('given %j, then it is refused: %s', (name, why) => {
    expect(moduleNameProblem(name)).toBe(why);
  });

  it('given a module name that is also the folder of another, then that name is refused', () => {
    expect(checkModuleNames(['a.rego', 'a.rego/b.rego']).map((f) => f.message)).toEqual(['module file name "a.rego" is refused: it is also the folder of another module']);
  });
});
