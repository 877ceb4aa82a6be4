import { createHash } from 'node:crypto';
import { opaBundleError } from './opa-bundle-error';
import { opaHashForm } from './opa-json';

/** The hash algorithms this library accepts in a signature payload (OPA's names). */
const HASHES: Readonly<Record<string, string>> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
export const OPA_FILE_HASH_ALGORITHM = 'SHA-256';

/** The files OPA hashes in their normalised JSON form rather than as bytes (`bundle.IsStructuredDoc`). */
const STRUCTURED = new Set(['data.json', 'data.yaml', '.manifest', 'signatures.json']);
export const isStructuredOpaFile = (name: string): boolean => STRUCTURED.has(name.slice(name.lastIndexOf('/') + 1));

/**
 * The hex digest OPA expects for a bundle file in `.signatures.json`: raw bytes for modules and
 * other files, the normalised JSON form (see `opaHashForm`) for `.manifest` and `data.json`, so
 * whitespace and key order do not matter there. A leading UTF-8 BOM is ignored, as OPA does.
 */
export function opaFileHash(name: string, bytes: Uint8Array, algorithm: string = OPA_FILE_HASH_ALGORITHM): string {
  const hashName = HASHES[algorithm];
  if (!hashName) throw opaBundleError('OPA_BUNDLE.HASH_ALGORITHM_UNSUPPORTED', `${name}: hash algorithm '${algorithm}' is not accepted (use SHA-256, SHA-384 or SHA-512)`, { file: name, algorithm });
  const hash = createHash(hashName);
  if (!isStructuredOpaFile(name)) return hash.update(bytes).digest('hex');
  if (name.endsWith('.yaml')) throw opaBundleError('OPA_BUNDLE.FILE_UNEXPECTED', `${name}: YAML data files are not supported`, { file: name });
  // TextDecoder drops a BOM and replaces invalid UTF-8 with U+FFFD, as Go's decoder does.
  return hash.update(opaHashForm(new TextDecoder('utf-8').decode(bytes)), 'utf8').digest('hex');
}
