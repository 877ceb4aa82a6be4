import { canonicalize } from 'json-canonicalize';
import { createHash } from 'node:crypto';

/** RFC 8785 (JCS) canonical JSON of a value: the bytes every digest and signature is over. */
export const canonicalJson = (value: unknown): string => canonicalize(value);

/** Lower-case hex SHA-256 of a string or bytes. */
export const sha256Hex = (input: string | Uint8Array): string =>
  createHash('sha256').update(input).digest('hex');

/** `sha256:<hex>` digest of a value's canonical JSON. */
export const canonicalDigest = (value: unknown): string => `sha256:${sha256Hex(canonicalJson(value))}`;
