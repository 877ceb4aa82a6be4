import { gunzipSync } from 'node:zlib';
import { buildOpaBundle } from './build-opa-bundle';
import { networkPolicy } from './opa-bundle.fixtures';
import { unpackOpaTarball } from './opa-tarball';

const text = (bytes: Buffer): string => bytes.toString('utf8');

describe('buildOpaBundle', () => {
  it('gives the same bytes and digest for the same input, every time', async () => {
    const [a, b] = [await buildOpaBundle(networkPolicy()), await buildOpaBundle(networkPolicy())];
    expect(b.tarball.equals(a.tarball)).toBe(true);
    expect(b.digest).toBe(a.digest);
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('does not depend on the order of modules or data keys', async () => {
    const input = networkPolicy();
    const reordered = { ...input, rego: { modules: Object.fromEntries(Object.entries(input.rego.modules!).reverse()), data: { limits: { max: 3 }, allowed: ['pypi.org', 'github.com'] } } };
    expect((await buildOpaBundle(reordered)).digest).toBe((await buildOpaBundle(input)).digest);
  });

  it('gives another revision and digest for another version', async () => {
    const [a, b] = [await buildOpaBundle(networkPolicy('1.0.0')), await buildOpaBundle(networkPolicy('1.0.1'))];
    expect(b.manifest.revision).toBe('1.0.1');
    expect(b.digest).not.toBe(a.digest);
  });

  it('lays out .manifest, the modules and data.json under the policy root, sorted', async () => {
    const bundle = await buildOpaBundle(networkPolicy());
    const root = 'edict/teams/alpha/network';
    expect(bundle.files.map((f) => f.name)).toEqual(['.manifest', `${root}/data.json`, `${root}/policy.rego`, `${root}/policy_test.rego`]);
    expect(text(bundle.files[0]!.bytes)).toBe(`{"metadata":{"policy_id":"teams/alpha/network"},"rego_version":1,"revision":"1.0.0","roots":["${root}"]}`);
    expect(text(bundle.files[1]!.bytes)).toBe('{"allowed":["pypi.org","github.com"],"limits":{"max":3}}');
    expect(text(bundle.files[2]!.bytes)).toBe(networkPolicy().rego.modules!['policy.rego']);
  });

  it('writes plain tar entries: mode 0644, uid/gid 0, mtime 0, no names; gzip with mtime 0 and a fixed OS byte', async () => {
    const { tarball } = await buildOpaBundle(networkPolicy());
    expect([...tarball.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
    const tar = gunzipSync(tarball);
    const header = tar.subarray(0, 512);
    expect(text(header.subarray(0, 9))).toBe('.manifest');
    expect(text(header.subarray(100, 107))).toBe('000644 ');
    expect(text(header.subarray(108, 115))).toBe('000000 ');
    expect(text(header.subarray(116, 123))).toBe('000000 ');
    expect(text(header.subarray(136, 147))).toBe('00000000000');
    expect(header[156]).toBe('0'.charCodeAt(0));
    expect([...header.subarray(265, 329)].every((byte) => byte === 0)).toBe(true);
    expect((await unpackOpaTarball(tarball)).map((f) => f.name)).toEqual((await buildOpaBundle(networkPolicy())).files.map((f) => f.name));
  });

  it('adds extra roots after the policy root and accepts packages under them', async () => {
    const input = networkPolicy();
    const bundle = await buildOpaBundle({ ...input, roots: ['lib/strings'], rego: { modules: { ...input.rego.modules, 'lib.rego': 'package lib.strings.util\n' } } });
    expect(bundle.manifest.roots).toEqual(['edict/teams/alpha/network', 'lib/strings']);
  });

  it('leaves data.json out when there is no data', async () => {
    const bundle = await buildOpaBundle({ ...networkPolicy(), rego: { modules: { 'p.rego': 'package edict.teams.alpha.network.sub\n' } } });
    expect(bundle.files.map((f) => f.name)).toEqual(['.manifest', 'edict/teams/alpha/network/p.rego']);
  });

  const refusals: [string, Record<string, unknown>, string][] = [
    ['a package outside the root', { rego: { modules: { 'p.rego': 'package edict.teams.alpha.networks\n' } } }, 'OPA_BUNDLE.PACKAGE_OUTSIDE_ROOTS'],
    ["another policy's package", { rego: { modules: { 'p.rego': '# comment\npackage edict.org.network\n' } } }, 'OPA_BUNDLE.PACKAGE_OUTSIDE_ROOTS'],
    ['a module without a package', { rego: { modules: { 'p.rego': 'allow := true\n' } } }, 'OPA_BUNDLE.PACKAGE_UNREADABLE'],
    ['a module name with ..', { rego: { modules: { '../p.rego': 'package edict.teams.alpha.network\n' } } }, 'OPA_BUNDLE.MODULE_NAME_INVALID'],
    ['a module name without .rego', { rego: { modules: { 'p.txt': 'package edict.teams.alpha.network\n' } } }, 'OPA_BUNDLE.MODULE_NAME_INVALID'],
    ['data that is not JSON', { rego: { data: { when: new Date(0) } } }, 'OPA_BUNDLE.DATA_NOT_JSON'],
    ['a NaN in data', { rego: { data: { n: Number.NaN } } }, 'OPA_BUNDLE.DATA_NOT_JSON'],
    ['nothing to bundle', { rego: {} }, 'OPA_BUNDLE.EMPTY'],
    ['an overlapping extra root', { roots: ['lib', 'lib/strings'] }, 'OPA_BUNDLE.ROOTS_OVERLAP'],
    ["an extra root in another policy's space", { roots: ['edict/org/network'] }, 'OPA_BUNDLE.ROOT_INVALID'],
    ['an empty extra root', { roots: [''] }, 'OPA_BUNDLE.ROOT_INVALID'],
    ['a bad policy id', { policyId: 'Teams/alpha' }, 'BUNDLE.POLICY_ID_INVALID'],
    ['a bad version', { version: '' }, 'OPA_BUNDLE.VERSION_INVALID'],
  ];
  it.each(refusals)('refuses %s', async (_what, change, code) => {
    await expect(buildOpaBundle({ ...networkPolicy(), ...change })).rejects.toMatchObject({ code, status: 400 });
  });
});
