import Ajv from 'ajv';
import { PayloadTooLargeError, ValidationError } from '@edict/core';
import { canonicalSize, ENVELOPE_MAX_BYTES, EXPORT_FORMAT, type ExportEnvelope } from './export-envelope';

const instant = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$' };
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const jws = { type: 'string', maxLength: 4096, pattern: '^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$' };

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'environment', 'policyId', 'version', 'digest', 'document', 'signature', 'approvals', 'exportedAt', 'expiresAt', 'envelopeSignature'],
  properties: {
    format: { const: EXPORT_FORMAT },
    environment: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$' },
    policyId: text(256),
    version: { type: 'string', maxLength: 64, pattern: '^\\d+\\.\\d+\\.\\d+$' },
    digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    document: { type: 'object' },
    signature: {
      type: 'object',
      additionalProperties: false,
      required: ['kid', 'alg', 'signature', 'signedAt'],
      properties: { kid: text(256), alg: { enum: ['EdDSA', 'ES256'] }, signature: jws, signedAt: instant },
    },
    approvals: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['subject', 'role', 'grantedAt'],
        properties: { subject: text(256), role: text(64), grantedAt: instant },
      },
    },
    exportedAt: instant,
    expiresAt: instant,
    envelopeSignature: jws,
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: false }).compile<ExportEnvelope>(schema);

const pathOf = (instancePath: string, extra: unknown): string => {
  const base = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return typeof extra === 'string' ? (base ? `${base}.${extra}` : extra) : base;
};

// Canonical JSON recurses; a hostile envelope must not reach it nested deeper than any bundle is.
const MAX_DEPTH = 64;

const depthOf = (root: unknown): number => {
  let deepest = 0;
  const pending: [unknown, number][] = [[root, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return deepest;
};

/** An envelope given as the text of its file (what the CLI sends, so that no JSON member limit bites). */
function envelopeFromText(text: string): unknown {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > ENVELOPE_MAX_BYTES) {
    throw new PayloadTooLargeError('IMPORT.TOO_LARGE', `the envelope is ${bytes} bytes; at most ${ENVELOPE_MAX_BYTES} are accepted`, { limitBytes: ENVELOPE_MAX_BYTES, sizeBytes: bytes });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'string') throw new Error('a JSON string is not an envelope');
    return parsed;
  } catch (error) {
    throw new ValidationError('IMPORT.ENVELOPE_INVALID', `the envelope is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads an envelope (an object, or the JSON text of one) from untrusted input: 413 `IMPORT.TOO_LARGE` over the size limit, 400
 * `IMPORT.ENVELOPE_INVALID` (with `errors: [{ path, message }]`) for any other shape.
 */
export function parseExportEnvelope(input: unknown): ExportEnvelope {
  if (input === undefined || input === null) throw new ValidationError('IMPORT.ENVELOPE_INVALID', 'no envelope given', { errors: [{ path: 'envelope', message: 'is required' }] });
  if (typeof input === 'string') return parseExportEnvelope(envelopeFromText(input));
  if (depthOf(input) > MAX_DEPTH) throw new ValidationError('IMPORT.ENVELOPE_INVALID', `the envelope is nested deeper than ${MAX_DEPTH} levels`);
  const size = canonicalSize(input);
  if (size > ENVELOPE_MAX_BYTES) {
    throw new PayloadTooLargeError('IMPORT.TOO_LARGE', `the envelope is ${size} bytes; at most ${ENVELOPE_MAX_BYTES} are accepted`, { limitBytes: ENVELOPE_MAX_BYTES, sizeBytes: size });
  }
  if (validate(input)) return input;
  const errors = (validate.errors ?? []).map((e) => ({
    path: pathOf(e.instancePath, e.params['missingProperty'] ?? e.params['additionalProperty']),
    message: e.keyword === 'additionalProperties' ? 'is not allowed' : (e.message ?? 'is invalid'),
  }));
  throw new ValidationError('IMPORT.ENVELOPE_INVALID', 'the envelope does not have the shape of an Edict export', { errors });
}
