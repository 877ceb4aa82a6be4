import type { CryptoKey } from 'jose';
import { canonicalDigest, ValidationError } from '@edict/core';
import type { ExportEnvelope } from './export-envelope';
import { envelopeSignatureHeader, envelopeSignatureVerifies } from './export-envelope.jws';
import { parseExportEnvelope } from './export-envelope.schema';

/** What the importing environment knows about the key an envelope names. */
export type TrustedKeyAnswer =
  | { readonly status: 'trusted'; readonly key: CryptoKey | Uint8Array }
  | { readonly status: 'retired'; readonly retiredAt?: string }
  | { readonly status: 'unknown' };

/** Looks a key up among the keys this environment trusts for imports. */
export type TrustedKeyLookup = (header: { readonly kid: string; readonly alg: string }) => Promise<TrustedKeyAnswer>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parts of the body that must agree with each other; the signature alone cannot tell a careless exporter. */
function inconsistency(envelope: ExportEnvelope): string | undefined {
  if (canonicalDigest(envelope.document) !== envelope.digest) return 'the document does not have the digest the envelope names';
  const metadata = envelope.document['metadata'];
  if (!isRecord(metadata) || metadata['policyId'] !== envelope.policyId || metadata['version'] !== envelope.version) {
    return 'the document is not the policy and version the envelope names';
  }
  if (envelope.signature.signature.length === 0) return 'the bundle signature is empty';
  return undefined;
}

/**
 * Verifies an envelope from another environment, in an order where each refusal means one
 * thing: shape and size (`IMPORT.ENVELOPE_INVALID`, `IMPORT.TOO_LARGE`), the key
 * (`IMPORT.KEY_RETIRED`, `IMPORT.UNKNOWN_KEY`), the signature over the canonical body and the
 * body's own consistency (`IMPORT.TAMPERED`), then the expiry (`IMPORT.EXPIRED`) — checked after
 * the signature, so an edited expiry is tampering, not a fresh envelope.
 */
export async function verifyExportEnvelope(input: unknown, keys: TrustedKeyLookup, now: Date): Promise<ExportEnvelope> {
  const envelope = parseExportEnvelope(input);
  const { kid, alg } = envelopeSignatureHeader(envelope);
  const answer = await keys({ kid, alg });
  if (answer.status === 'retired') {
    throw new ValidationError('IMPORT.KEY_RETIRED', `the envelope is signed by key ${kid}, which is retired`, { kid, ...(answer.retiredAt ? { retiredAt: answer.retiredAt } : {}) });
  }
  if (answer.status === 'unknown') {
    throw new ValidationError('IMPORT.UNKNOWN_KEY', `the envelope is signed by key ${kid}, which is not among the trusted keys`, { kid });
  }
  if (!(await envelopeSignatureVerifies(envelope, answer.key, alg))) {
    throw new ValidationError('IMPORT.TAMPERED', 'the envelope signature does not verify: the envelope was changed after export', { kid });
  }
  const wrong = inconsistency(envelope);
  if (wrong) throw new ValidationError('IMPORT.TAMPERED', wrong, { kid });
  if (Date.parse(envelope.expiresAt) <= now.getTime()) {
    throw new ValidationError('IMPORT.EXPIRED', `the envelope expired at ${envelope.expiresAt}; export it again`, { expiresAt: envelope.expiresAt });
  }
  return envelope;
}
