import type { BundleContent } from '../events/bundle-events';
import { canonicalJson } from '@edict/core';

/**
 * The bytes a bundle signature covers: RFC 8785 canonical JSON of `{ policyId, version, digest }`.
 * The digest already covers the whole document, so the signature binds identity and content.
 * Signatures are compact JWS with this payload detached (RFC 7515 appendix F).
 */
export const bundleSigningPayload = (content: BundleContent): string =>
  canonicalJson({ policyId: content.policyId, version: content.version, digest: content.digest });
