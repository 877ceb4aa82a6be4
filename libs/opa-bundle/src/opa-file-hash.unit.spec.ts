import { opaFileHash } from './opa-file-hash';

// Files written by `opa build --signing-key … --signing-alg ES256` (OPA v1.22.2) and the hashes that
// opa put in their .signatures.json: the JSON ones exercise number literals (1.0, 1e3, -0.0, 1E+2,
// 20 digits), HTML characters, \b \f \u0001 \u2028, non-BMP keys and their byte order.
const fromOpa = [
  {
    name: 'data.json',
    base64:
      'eyJlZGljdCI6eyJvcmciOnsieCI6eyJhIjp7IngiOlt0cnVlLGZhbHNlLHt9XSwieSI6bnVsbH0sImR1cCI6MiwieiI6WzEyMzQ1Njc4OTAxMjM0NTY3ODkwLC0wLjAsMUUrMl0sIsOpLyI6Ilx1MDAzY2FcdTAwM2VcdTAwMjZcYlxmXHUwMDAxXHUyMDI48J+YgCIsIu6AgCI6MSwi8J+YgCI6Mn19fX0K',
    hash: 'ed8de57016074c9aa832d465c034219c601645115800ced1a1dec9514a8aa585',
  },
  { name: '.manifest', base64: 'eyJyZXZpc2lvbiI6InYiLCJyb290cyI6WyJlZGljdC9vcmcveCJdLCJyZWdvX3ZlcnNpb24iOjF9Cg==', hash: 'b9e75131a90e1adb1eb30cda21cdff3021baeadc4aa3d2f2652e2d474c102c94' },
  {
    name: 'data.json',
    base64: 'eyJlZGljdCI6eyJ0ZWFtcyI6eyJhbHBoYSI6eyJuZXR3b3JrIjp7ImEiOlsxZTMsInhcdTIwMjh5Il0sImIiOjEuMCwiYyI6eyJ6Ijp0cnVlLCLDqSI6bnVsbH19fX19fQo=',
    hash: '1caa31aabb88abc966139b109b52ef8c47551114fdafa07808c430f27a27d3aa',
  },
  {
    name: '.manifest',
    base64: 'eyJyZXZpc2lvbiI6IjEuMC4wIiwicm9vdHMiOlsiZWRpY3QvdGVhbXMvYWxwaGEvbmV0d29yayJdLCJyZWdvX3ZlcnNpb24iOjF9Cg==',
    hash: 'fa1e604a2bd8f7cf55629d4bf39a09092dd32211dc3b8a04302fbee1df4febac',
  },
  {
    name: 'src/edict/teams/alpha/network/policy.rego',
    base64: Buffer.from('package edict.teams.alpha.network\n\ndefault allow := false\n\ndeny if input.url == "api.example.com"\n').toString('base64'),
    hash: 'fd34d71aa56f42e9031503da4ee1174502002743d745b0ae9c629732099c5269',
  },
];

describe('opaFileHash', () => {
  it.each(fromOpa)('gives the hash opa signed for $name ($hash)', ({ name, base64, hash }) => {
    expect(opaFileHash(name, Buffer.from(base64, 'base64'))).toBe(hash);
  });

  it('ignores whitespace and key order in JSON files, but not in modules', () => {
    const a = opaFileHash('x/data.json', Buffer.from('{"b":1,"a":[1.0,"é"]}'));
    expect(opaFileHash('x/data.json', Buffer.from('\ufeff{ "a" : [ 1.0 , "\\u00e9" ],\n"b":1 }'))).toBe(a);
    expect(opaFileHash('x/data.json', Buffer.from('{"b":1,"a":[1,"é"]}'))).not.toBe(a);
    expect(opaFileHash('p.rego', Buffer.from('package p\n'))).not.toBe(opaFileHash('p.rego', Buffer.from('package  p\n')));
  });

  it.each(['{"a":1,}', '{"a":01}', '[1 2]', '{"a":1} x', "{'a':1}", '{"a":"\u0001"}', ''])('refuses %j in a JSON file', (text) => {
    expect(() => opaFileHash('data.json', Buffer.from(text))).toThrow(expect.objectContaining({ code: 'OPA_BUNDLE.DATA_NOT_JSON' }));
  });

  it('refuses a hash algorithm it does not accept', () => {
    expect(() => opaFileHash('p.rego', Buffer.from('x'), 'MD5')).toThrow(expect.objectContaining({ code: 'OPA_BUNDLE.HASH_ALGORITHM_UNSUPPORTED' }));
  });
});
