import { ValidationError } from '@edict/core';

/** The stable codes this library refuses input with (all 400 ValidationErrors). */
export type OpaBundleErrorCode =
  | 'OPA_BUNDLE.VERSION_INVALID'
  | 'OPA_BUNDLE.EMPTY'
  | 'OPA_BUNDLE.ROOT_INVALID'
  | 'OPA_BUNDLE.ROOTS_OVERLAP'
  | 'OPA_BUNDLE.MODULE_NAME_INVALID'
  | 'OPA_BUNDLE.PACKAGE_UNREADABLE'
  | 'OPA_BUNDLE.PACKAGE_OUTSIDE_ROOTS'
  | 'OPA_BUNDLE.DATA_NOT_JSON'
  | 'OPA_BUNDLE.SIGNING_ALG_UNSUPPORTED'
  | 'OPA_BUNDLE.TARBALL_UNREADABLE'
  | 'OPA_BUNDLE.FILE_UNEXPECTED'
  | 'OPA_BUNDLE.SIGNATURE_MISSING'
  | 'OPA_BUNDLE.SIGNATURE_INVALID'
  | 'OPA_BUNDLE.KEY_MISMATCH'
  | 'OPA_BUNDLE.SCOPE_MISMATCH'
  | 'OPA_BUNDLE.HASH_ALGORITHM_UNSUPPORTED'
  | 'OPA_BUNDLE.FILE_NOT_SIGNED'
  | 'OPA_BUNDLE.FILE_MISSING'
  | 'OPA_BUNDLE.DIGEST_MISMATCH'
  | 'OPA_BUNDLE.MANIFEST_INVALID';

export function opaBundleError(code: OpaBundleErrorCode, message: string, details?: Readonly<Record<string, unknown>>): ValidationError {
  return new ValidationError(code, message, details);
}
