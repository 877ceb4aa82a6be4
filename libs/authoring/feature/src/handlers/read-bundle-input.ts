import { parseBundleText } from '@edict/policy-engine';
import { ValidationError } from '@edict/core';
import type { BundleDocumentDto } from '../http/bundle-document.dto';

export interface BundleInput {
  readonly policyId: string;
  readonly version: string;
  readonly document: Readonly<Record<string, unknown>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Turns the request body into a document and reads its identity. Drafts may still be wrong in
 * other ways (validation judges the whole document on submission), but they must say which
 * policy and version they are.
 */
export function readBundleInput(input: BundleDocumentDto): BundleInput {
  if ((input.document === undefined) === (input.source === undefined)) {
    throw new ValidationError('BUNDLE.INPUT_INVALID', 'give exactly one of `document` (JSON) or `source` (YAML/JSON text)');
  }
  let document: unknown = input.document;
  if (input.source !== undefined) {
    const parsed = parseBundleText(input.source, {
      ...(input.filename ? { filename: input.filename } : {}),
      ...(input.format ? { format: input.format } : {}),
    });
    if (!parsed.ok) throw new ValidationError('BUNDLE.PARSE_FAILED', parsed.errors[0]?.message ?? 'the bundle could not be parsed', { problems: parsed.errors });
    document = parsed.document;
  }
  const metadata = isRecord(document) ? document['metadata'] : undefined;
  const policyId = isRecord(metadata) ? metadata['policyId'] : undefined;
  const version = isRecord(metadata) ? metadata['version'] : undefined;
  if (!isRecord(document) || typeof policyId !== 'string' || typeof version !== 'string') {
    throw new ValidationError('BUNDLE.IDENTITY_MISSING', 'the document needs metadata.policyId and metadata.version (strings)', {
      problems: [{ code: 'BUNDLE.IDENTITY_MISSING', path: 'metadata', message: 'metadata.policyId and metadata.version are required', severity: 'error' }],
    });
  }
  return { policyId, version, document };
}
