import { ForbiddenError } from '@edict/core';

/**
 * Whose subject a decision is made for. `request` (the default): the `subject` field of the
 * request body — the service asking on behalf of its own users names them; the caller's token only
 * authorises the call. `token`: the body's subject must be the caller's token subject, so a caller
 * cannot pick its cohort (and so its version) or log decisions under someone else's name.
 */
export type SubjectBinding = 'request' | 'token';

export function subjectBindingFromEnv(env: NodeJS.ProcessEnv = process.env): SubjectBinding {
  const value = env['EDICT_PDP_SUBJECT_BINDING'] || 'request';
  if (value !== 'request' && value !== 'token') throw new Error(`EDICT_PDP_SUBJECT_BINDING must be 'request' or 'token', not '${value}'`);
  return value;
}

/** Refuses (403 `PDP.SUBJECT_MISMATCH`) a request subject other than the token's when bound to the token. */
export function requireSubject(binding: SubjectBinding, requested: string, tokenSubject: string): void {
  if (binding === 'token' && requested !== tokenSubject) {
    throw new ForbiddenError('PDP.SUBJECT_MISMATCH', `this decision point decides only for the caller's own subject ('${tokenSubject}'), not '${requested}'`);
  }
}
