import { tierOfPolicyId } from '@edict/contracts';
import { UnprocessableError, ValidationError } from '@edict/core';
import { parseBundleText } from '@edict/policy-engine';
import type { Candidate } from '../handlers/validation-suite.service';
import type { DryRunDto } from './dry-run.dto';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A dry-run body as the candidate to judge: its identity is what its metadata says. Neither
 * or both of `document` and `source`, or a source that does not parse: 400. A document that
 * does not name a valid policy id and a version: 422.
 */
export function readDryRun(body: DryRunDto): Candidate {
  if ((body.document === undefined) === (body.source === undefined)) {
    throw new ValidationError('VALIDATION.INPUT_INVALID', 'give exactly one of `document` (JSON) or `source` (YAML/JSON text)');
  }
  let document: unknown = body.document;
  if (body.source !== undefined) {
    const parsed = parseBundleText(body.source, { ...(body.filename && { filename: body.filename }), ...(body.format && { format: body.format }) });
    if (!parsed.ok) throw new ValidationError('VALIDATION.PARSE_FAILED', parsed.errors[0]?.message ?? 'the bundle could not be parsed', { problems: parsed.errors });
    document = parsed.document;
  }
  const metadata = isRecord(document) ? document['metadata'] : undefined;
  const policyId = isRecord(metadata) ? metadata['policyId'] : undefined;
  const version = isRecord(metadata) ? metadata['version'] : undefined;
  if (typeof policyId !== 'string' || typeof version !== 'string') {
    throw new UnprocessableError('VALIDATION.IDENTITY_MISSING', 'the document needs metadata.policyId and metadata.version (strings)');
  }
  try {
    tierOfPolicyId(policyId);
  } catch (error) {
    throw new UnprocessableError('VALIDATION.IDENTITY_MISSING', error instanceof Error ? error.message : String(error));
  }
  return { expected: { policyId, version }, document, ...(body.source !== undefined && { source: body.source }) };
}
