import { canonicalJson } from '@edict/core';

/** The `format` of an export envelope; a reader refuses any other. */
export const EXPORT_FORMAT = 'edict.bundle-export/v1';
/** The JWS `typ` of an envelope signature, so that no bundle signature passes for one. */
export const EXPORT_JWS_TYP = 'edict-export+jws';
/** Largest envelope (canonical JSON, bytes) an environment exports or imports. */
export const ENVELOPE_MAX_BYTES = 1024 * 1024;
/** Default and longest lifetime of an envelope. */
export const EXPORT_DEFAULT_TTL_SECONDS = 24 * 3600;
export const EXPORT_MAX_TTL_SECONDS = 30 * 24 * 3600;

/** An approval the version had in its source environment (recorded, never counted elsewhere). */
export interface ExportedApproval {
  readonly subject: string;
  readonly role: string;
  readonly grantedAt: string;
}

/** The bundle signature the source environment's signing service made after approval. */
export interface ExportedSignature {
  readonly kid: string;
  readonly alg: 'EdDSA' | 'ES256';
  /** compact JWS, payload detached: canonical `{ policyId, version, digest }` */
  readonly signature: string;
  readonly signedAt: string;
}

/** What the envelope signature covers: everything but the signature itself. */
export interface ExportEnvelopeBody {
  readonly format: typeof EXPORT_FORMAT;
  /** the source environment's name (`EDICT_ENVIRONMENT`) */
  readonly environment: string;
  readonly policyId: string;
  readonly version: string;
  /** `sha256:<hex>` of the document's canonical JSON */
  readonly digest: string;
  readonly document: Readonly<Record<string, unknown>>;
  readonly signature: ExportedSignature;
  readonly approvals: readonly ExportedApproval[];
  readonly exportedAt: string;
  readonly expiresAt: string;
}

/**
 * A version moving between environments (`edict bundle export` → `edict bundle import`): the
 * body and a compact JWS, payload detached, over the body's RFC 8785 canonical JSON, made by the
 * source environment's signing key.
 */
export interface ExportEnvelope extends ExportEnvelopeBody {
  readonly envelopeSignature: string;
}

/** The bytes the envelope signature covers. */
export const envelopeSigningPayload = (envelope: ExportEnvelopeBody): string => {
  const { format, environment, policyId, version, digest, document, signature, approvals, exportedAt, expiresAt } = envelope;
  return canonicalJson({ format, environment, policyId, version, digest, document, signature, approvals, exportedAt, expiresAt });
};

/** Size of a value as canonical JSON, in UTF-8 bytes. */
export const canonicalSize = (value: unknown): number => new TextEncoder().encode(canonicalJson(value)).length;
