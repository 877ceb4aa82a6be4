import { decodeProtectedHeader } from 'jose';
import { buildOpaBundle } from './build-opa-bundle';
import { es256Key, networkPolicy } from './opa-bundle.fixtures';
import { opaFileHash } from './opa-file-hash';
import { opaSignaturesPayload, signOpaBundle } from './opa-signatures';

const claimsOf = (token: string): unknown => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

describe('opaSignaturesPayload', () => {
  it('lists every file by name with its SHA-256 hash, and the deprecated keyid claim', async () => {
    const { files } = await buildOpaBundle(networkPolicy());
    expect(opaSignaturesPayload(files, { kid: 'k1' })).toEqual({
      files: files.map((file) => ({ name: file.name, hash: opaFileHash(file.name, file.bytes), algorithm: 'SHA-256' })),
      keyid: 'k1',
    });
    expect(opaSignaturesPayload(files).files.map((f) => f.name)).toEqual(['.manifest', 'edict/teams/alpha/network/data.json', 'edict/teams/alpha/network/policy.rego', 'edict/teams/alpha/network/policy_test.rego']);
    expect(opaSignaturesPayload(files)).not.toHaveProperty('scope');
    expect(opaSignaturesPayload(files, { scope: 'prod' })).toMatchObject({ scope: 'prod' });
  });

  it('never lists .signatures.json itself', async () => {
    const { files } = await buildOpaBundle(networkPolicy());
    const names = opaSignaturesPayload([...files, { name: '.signatures.json', bytes: Buffer.from('{}') }]).files.map((f) => f.name);
    expect(names).not.toContain('.signatures.json');
  });
});

describe('signOpaBundle', () => {
  it('writes {"signatures":[<one compact JWS>]} with alg, kid and typ in the header and the payload as claims', async () => {
    const { files } = await buildOpaBundle(networkPolicy());
    const { signing } = es256Key('k1');
    const parsed = JSON.parse((await signOpaBundle(files, signing)).toString('utf8')) as { signatures: string[] };
    expect(Object.keys(parsed)).toEqual(['signatures']);
    expect(parsed.signatures).toHaveLength(1);
    const token = parsed.signatures[0]!;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: 'k1', typ: 'JWT' });
    expect(claimsOf(token)).toEqual(opaSignaturesPayload(files, { kid: 'k1' }));
    expect(Buffer.from(token.split('.')[2]!, 'base64url')).toHaveLength(64); // r‖s, not DER
  });

  it('refuses an algorithm it does not sign with', async () => {
    const { files } = await buildOpaBundle(networkPolicy());
    const { signing } = es256Key('k1');
    await expect(signOpaBundle(files, { ...signing, alg: 'HS256' as never })).rejects.toMatchObject({ code: 'OPA_BUNDLE.SIGNING_ALG_UNSUPPORTED' });
  });
});
