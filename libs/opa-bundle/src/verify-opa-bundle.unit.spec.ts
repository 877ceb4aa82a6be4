import { generateKeyPairSync } from 'node:crypto';
import type { JWK } from 'jose';
import { buildSignedOpaBundle, packSignedOpaBundle } from './build-signed-opa-bundle';
import { es256Key, networkPolicy } from './opa-bundle.fixtures';
import type { OpaBundleFile } from './opa-bundle.types';
import { opaSignerFromPrivateKey } from './opa-signer';
import { packOpaTarball } from './opa-tarball';
import { verifyOpaBundle } from './verify-opa-bundle';

const key = es256Key('edict-k1');
const signed = buildSignedOpaBundle(networkPolicy(), key.signing);
const repack = async (change: (files: OpaBundleFile[]) => OpaBundleFile[]): Promise<Buffer> => packOpaTarball(change([...(await signed).files]));

describe('verifyOpaBundle', () => {
  it('accepts the signed bundle and reports its revision, roots and kid', async () => {
    const bundle = await signed;
    await expect(verifyOpaBundle(bundle.tarball, key.publicJwk)).resolves.toMatchObject({ revision: '1.0.0', roots: ['edict/teams/alpha/network'], kid: 'edict-k1' });
  });

  it('rebuilds the same bytes from the recorded .signatures.json', async () => {
    const bundle = await signed;
    const unsigned = bundle.files.filter((file) => file.name !== '.signatures.json');
    expect((await packSignedOpaBundle(unsigned, bundle.signatures)).digest).toBe(bundle.digest);
  });

  it.each(['RS256', 'PS256'] as const)('verifies %s signatures too; RS256 ones give the same signed bytes every time', async (alg) => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signing = { kid: 'rsa', alg, sign: opaSignerFromPrivateKey(privateKey, alg) };
    const [a, b] = [await buildSignedOpaBundle(networkPolicy(), signing), await buildSignedOpaBundle(networkPolicy(), signing)];
    await expect(verifyOpaBundle(a.tarball, publicKey.export({ format: 'jwk' }) as JWK)).resolves.toMatchObject({ kid: 'rsa' });
    expect(a.digest === b.digest).toBe(alg === 'RS256');
  });

  it('refuses one changed byte in any file', async () => {
    for (const name of (await signed).files.map((file) => file.name).filter((n) => n !== '.signatures.json')) {
      const tampered = await repack((files) =>
        files.map((file) => {
          if (file.name !== name) return file;
          const bytes = Buffer.from(file.bytes);
          const at = bytes.indexOf(name.endsWith('.rego') ? 'api' : '1');
          const index = at === -1 ? 2 : at;
          bytes[index] = bytes[index]! ^ 0x01;
          return { name, bytes };
        }),
      );
      await expect(verifyOpaBundle(tampered, key.publicJwk)).rejects.toMatchObject({ code: 'OPA_BUNDLE.DIGEST_MISMATCH', details: { file: name } });
    }
  });

  it('refuses a bundle signed by another key, and a key whose kid or alg differs', async () => {
    const other = es256Key('edict-k1');
    await expect(verifyOpaBundle((await signed).tarball, other.publicJwk)).rejects.toMatchObject({ code: 'OPA_BUNDLE.SIGNATURE_INVALID' });
    await expect(verifyOpaBundle((await signed).tarball, { ...key.publicJwk, kid: 'edict-k2' })).rejects.toMatchObject({ code: 'OPA_BUNDLE.KEY_MISMATCH' });
    await expect(verifyOpaBundle((await signed).tarball, { ...key.publicJwk, alg: 'ES384' })).rejects.toMatchObject({ code: 'OPA_BUNDLE.KEY_MISMATCH' });
  });

  it('refuses a missing file, an extra file and a missing signature', async () => {
    const missing = await repack((files) => files.filter((file) => !file.name.endsWith('data.json')));
    await expect(verifyOpaBundle(missing, key.publicJwk)).rejects.toMatchObject({ code: 'OPA_BUNDLE.FILE_MISSING' });
    const extra = await repack((files) => [...files, { name: 'edict/teams/alpha/network/extra.rego', bytes: Buffer.from('package edict.teams.alpha.network\n') }]);
    await expect(verifyOpaBundle(extra, key.publicJwk)).rejects.toMatchObject({ code: 'OPA_BUNDLE.FILE_NOT_SIGNED' });
    const unsigned = await repack((files) => files.filter((file) => file.name !== '.signatures.json'));
    await expect(verifyOpaBundle(unsigned, key.publicJwk)).rejects.toMatchObject({ code: 'OPA_BUNDLE.SIGNATURE_MISSING' });
  });

  it('refuses a scope that differs from the expected one', async () => {
    const scoped = await buildSignedOpaBundle(networkPolicy(), { ...key.signing, scope: 'prod' });
    await expect(verifyOpaBundle(scoped.tarball, key.publicJwk, { scope: 'prod' })).resolves.toMatchObject({ revision: '1.0.0' });
    await expect(verifyOpaBundle(scoped.tarball, key.publicJwk)).rejects.toMatchObject({ code: 'OPA_BUNDLE.SCOPE_MISMATCH' });
  });

  it('refuses a signatures file that is not one JWS, and bytes that are not a tarball', async () => {
    const two = await repack((files) => files.map((file) => (file.name === '.signatures.json' ? { ...file, bytes: Buffer.from('{"signatures":["a.b.c","d.e.f"]}') } : file)));
    await expect(verifyOpaBundle(two, key.publicJwk)).rejects.toMatchObject({ code: 'OPA_BUNDLE.SIGNATURE_INVALID' });
    await expect(verifyOpaBundle(Buffer.from('not gzip'), key.publicJwk)).rejects.toMatchObject({ code: 'OPA_BUNDLE.TARBALL_UNREADABLE' });
  });
});
