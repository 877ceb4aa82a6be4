import { ValidationError } from '@edict/core';

/**
 * The rollout revision in an `If-Match` header (`3`, `"3"` or `W/"3"`, as `status` shows it);
 * undefined without the header, which keeps today's serial semantics.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?(?:"(-?\d{1,12})"|(-?\d{1,12}))$/.exec(header.trim());
  const digits = match?.[1] ?? match?.[2];
  const revision = digits === undefined ? NaN : Number(digits);
  if (!Number.isSafeInteger(revision) || revision < -1) {
    throw new ValidationError('ROLLOUT.IF_MATCH_INVALID', `If-Match must be the rollout's revision (a number from its status), not "${header}"`);
  }
  return revision;
}
