import { generateKeyPair, type CryptoKey } from 'jose';
import { canonicalDigest, EdictError } from '@edict/core';
import { EXPORT_FORMAT, type ExportEnvelope, type ExportEnvelopeBody } from './export-envelope';
import { signExportEnvelope } from './export-envelope.jws';
import { verifyExportEnvelope, type TrustedKeyAnswer, type TrustedKeyLookup } from './export-envelope.verify';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const document = { apiVersion: 'edict.io/v1', kind: 'PolicyBundle', metadata: { policyId: 'org/baseline', version: '1.2.0' }, spec: { rules: [] } };
const body = (overrides: Partial<ExportEnvelopeBody> = {}): ExportEnvelopeBody => ({
  format: EXPORT_FORMAT,
  environment: 'staging',
  policyId: 'org/baseline',
  version: '1.2.0',
  digest: canonicalDigest(document),
  document,
  signature: { kid: 'k1', alg: 'EdDSA', signature: 'eyJhbGciOiJFZERTQSJ9..c2ln', signedAt: '2026-03-01T09:00:00.000Z' },
  approvals: [{ subject: 'bob', role: 'security', grantedAt: '2026-03-01T08:00:00.000Z' }],
  exportedAt: '2026-03-01T09:30:00.000Z',
  expiresAt: '2026-03-02T09:30:00.000Z',
  ...overrides,
});

let keys: { publicKey: CryptoKey; privateKey: CryptoKey };
let other: { publicKey: CryptoKey; privateKey: CryptoKey };
beforeAll(async () => {
  keys = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
});

const sign = (b: ExportEnvelopeBody = body(), kid = 'k1', privateKey = keys.privateKey): Promise<ExportEnvelope> => signExportEnvelope(b, { kid, alg: 'EdDSA', privateKey });
const lookup = (answers: Record<string, TrustedKeyAnswer>): TrustedKeyLookup => ({ kid }) => Promise.resolve(answers[kid] ?? { status: 'unknown' });
const trusting = (): TrustedKeyLookup => lookup({ k1: { status: 'trusted', key: keys.publicKey } });

async function refusal(input: unknown, keyLookup: TrustedKeyLookup = trusting(), now = NOW): Promise<EdictError> {
  const error = await verifyExportEnvelope(input, keyLookup, now).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof EdictError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('verifyExportEnvelope', () => {
  it('accepts an intact envelope signed by a trusted key before it expires', async () => {
    const envelope = await sign();
    await expect(verifyExportEnvelope(envelope, trusting(), NOW)).resolves.toEqual(envelope);
  });

  it('survives a JSON round trip with the members in another order (the signature is over canonical JSON)', async () => {
    const { envelopeSignature, ...rest } = await sign();
    const reordered = JSON.parse(JSON.stringify({ envelopeSignature, ...Object.fromEntries(Object.entries(rest).reverse()) })) as unknown;
    await expect(verifyExportEnvelope(reordered, trusting(), NOW)).resolves.toMatchObject({ version: '1.2.0' });
  });

  it('accepts the envelope as the text of its file', async () => {
    const envelope = await sign();
    await expect(verifyExportEnvelope(JSON.stringify(envelope, null, 2), trusting(), NOW)).resolves.toEqual(envelope);
  });

  it('refuses text that is not JSON, and nesting deeper than any bundle', async () => {
    expect((await refusal('{"format":')).code).toBe('IMPORT.ENVELOPE_INVALID');
    const deep = JSON.parse(`${'{"a":'.repeat(100000)}1${'}'.repeat(100000)}`) as unknown;
    expect((await refusal({ ...(await sign()), document: deep })).message).toContain('deeper');
  });

  it.each([
    ['a byte of the document', (e: ExportEnvelope) => ({ ...e, document: { ...e.document, spec: { rules: [], defaultEffect: 'allow' } } })],
    ['the digest', (e: ExportEnvelope) => ({ ...e, digest: `sha256:${'0'.repeat(64)}` })],
    ['the approvals', (e: ExportEnvelope) => ({ ...e, approvals: [...e.approvals, { subject: 'mallory', role: 'platform', grantedAt: e.exportedAt }] })],
    ['the expiry', (e: ExportEnvelope) => ({ ...e, expiresAt: '2027-01-01T00:00:00.000Z' })],
    ['the source environment', (e: ExportEnvelope) => ({ ...e, environment: 'prod' })],
  ])('refuses a change of %s as IMPORT.TAMPERED', async (_what, change) => {
    const error = await refusal(change(await sign()));
    expect([error.code, error.status]).toEqual(['IMPORT.TAMPERED', 400]);
  });

  it('refuses a document and digest changed together, re-signed by nobody it trusts', async () => {
    const changed = { ...document, spec: { rules: [], defaultEffect: 'allow' } };
    const envelope = { ...(await sign()), document: changed, digest: canonicalDigest(changed) };
    expect((await refusal(envelope)).code).toBe('IMPORT.TAMPERED');
  });

  it('refuses a signed envelope whose document is not the digest it names (a careless exporter)', async () => {
    const envelope = await sign(body({ digest: `sha256:${'1'.repeat(64)}` }));
    expect((await refusal(envelope)).message).toContain('digest');
  });

  it('refuses a signed envelope whose document names another version', async () => {
    expect((await refusal(await sign(body({ version: '1.3.0' })))).code).toBe('IMPORT.TAMPERED');
  });

  it('refuses an envelope signed by a key it does not trust, naming the key', async () => {
    const error = await refusal(await sign(body(), 'k-fresh', other.privateKey));
    expect([error.code, error.details]).toEqual(['IMPORT.UNKNOWN_KEY', { kid: 'k-fresh' }]);
  });

  it('refuses an envelope whose kid is trusted but whose signature is another key’s', async () => {
    expect((await refusal(await sign(body(), 'k1', other.privateKey))).code).toBe('IMPORT.TAMPERED');
  });

  it('tells a retired key from an unknown one', async () => {
    const error = await refusal(await sign(), lookup({ k1: { status: 'retired', retiredAt: '2026-02-01T00:00:00.000Z' } }));
    expect([error.code, error.details]).toEqual(['IMPORT.KEY_RETIRED', { kid: 'k1', retiredAt: '2026-02-01T00:00:00.000Z' }]);
  });

  it('refuses an expired envelope, and one at its expiry instant', async () => {
    const envelope = await sign();
    expect((await refusal(envelope, trusting(), new Date('2026-03-02T09:30:00.001Z'))).code).toBe('IMPORT.EXPIRED');
    expect((await refusal(envelope, trusting(), new Date('2026-03-02T09:30:00.000Z'))).code).toBe('IMPORT.EXPIRED');
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'envelope'],
    ['an array', []],
    ['another format', { format: 'edict.bundle-export/v0' }],
  ])('refuses %s as IMPORT.ENVELOPE_INVALID', async (_what, input) => {
    expect((await refusal(input)).code).toBe('IMPORT.ENVELOPE_INVALID');
  });

  it('names the paths that are wrong, including members it does not know', async () => {
    const envelope = { ...(await sign()), approvals: [{ subject: 'bob' }], extra: true };
    const error = await refusal(envelope);
    expect(error.code).toBe('IMPORT.ENVELOPE_INVALID');
    expect(error.details?.['errors']).toEqual(expect.arrayContaining([{ path: 'extra', message: 'is not allowed' }, { path: 'approvals.0.role', message: expect.any(String) }]));
  });

  it('refuses a signature that is not an envelope signature (a bundle signature’s typ)', async () => {
    const envelope = { ...(await sign()), envelopeSignature: 'eyJhbGciOiJFZERTQSIsImtpZCI6ImsxIiwidHlwIjoiZWRpY3QtYnVuZGxlK2p3cyJ9..c2ln' };
    expect((await refusal(envelope)).code).toBe('IMPORT.ENVELOPE_INVALID');
  });

  it('refuses an envelope over 1 MiB with 413 IMPORT.TOO_LARGE before reading it', async () => {
    const big = { ...(await sign()), document: { ...document, padding: 'x'.repeat(1024 * 1024) } };
    const error = await refusal(big);
    expect([error.code, error.status]).toEqual(['IMPORT.TOO_LARGE', 413]);
  });
});
