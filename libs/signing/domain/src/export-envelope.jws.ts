import { base64url, CompactSign, decodeProtectedHeader, flattenedVerify, type CryptoKey } from 'jose';
import { ValidationError } from '@edict/core';
import { envelopeSigningPayload, EXPORT_JWS_TYP, type ExportEnvelope, type ExportEnvelopeBody } from './export-envelope';

/** A key that signs envelopes: the signing service's active key (any of its algorithms). */
export interface EnvelopeSigner {
  readonly kid: string;
  readonly alg: 'EdDSA' | 'ES256';
  readonly privateKey: CryptoKey | Uint8Array;
}

const ALGORITHMS = ['EdDSA', 'ES256'];

/** Signs an envelope body: a compact JWS, payload detached, typ `edict-export+jws`. */
export async function signExportEnvelope(body: ExportEnvelopeBody, key: EnvelopeSigner): Promise<ExportEnvelope> {
  const jws = await new CompactSign(new TextEncoder().encode(envelopeSigningPayload(body)))
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: EXPORT_JWS_TYP })
    .sign(key.privateKey);
  const [header, , signature] = jws.split('.');
  return { ...body, envelopeSignature: `${header ?? ''}..${signature ?? ''}` };
}

/** The key id and algorithm an envelope signature names; `IMPORT.ENVELOPE_INVALID` when it names none. */
export function envelopeSignatureHeader(envelope: ExportEnvelope): { kid: string; alg: string } {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(envelope.envelopeSignature);
  } catch {
    throw new ValidationError('IMPORT.ENVELOPE_INVALID', 'the envelope signature has no readable JWS header');
  }
  const { kid, alg, typ } = header;
  if (typeof kid !== 'string' || typeof alg !== 'string' || !ALGORITHMS.includes(alg) || typ !== EXPORT_JWS_TYP) {
    throw new ValidationError('IMPORT.ENVELOPE_INVALID', `the envelope signature must name a kid, alg ${ALGORITHMS.join(' or ')} and typ ${EXPORT_JWS_TYP}`);
  }
  return { kid, alg };
}

/** Whether the envelope signature verifies over the canonical body with this key. */
export async function envelopeSignatureVerifies(envelope: ExportEnvelope, key: CryptoKey | Uint8Array, alg: string): Promise<boolean> {
  const [header, , signature] = envelope.envelopeSignature.split('.');
  try {
    const payload = base64url.encode(envelopeSigningPayload(envelope));
    await flattenedVerify({ protected: header ?? '', payload, signature: signature ?? '' }, key, { algorithms: [alg] });
    return true;
  } catch {
    return false;
  }
}
