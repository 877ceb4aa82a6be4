import { regoPackagePath } from './rego-package';

describe('regoPackagePath', () => {
  it.each([
    ['package edict.org.egress\n', ['edict', 'org', 'egress']],
    ['# METADATA\n# title: x\n\npackage edict.teams["alpha-1"].net # trailing\nimport rego.v1\n', ['edict', 'teams', 'alpha-1', 'net']],
    ['package a', ['a']],
    ['package a.b\r\n', ['a', 'b']],
  ])('reads %j', (source, path) => {
    expect(regoPackagePath(source)).toEqual(path);
  });

  it.each(['allow := true\n', 'packages a\n', 'package\n', 'package a.\n', 'package a.b c\n', 'package a[b]\n', 'import rego.v1\npackage a\n'])('does not read %j', (source) => {
    expect(regoPackagePath(source)).toBeUndefined();
  });
});
