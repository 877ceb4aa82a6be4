import { isEdictError, ValidationError } from '@edict/core';
import { maxWaitSeconds, preferWait } from '../opa/prefer-wait';

const max = maxWaitSeconds();

/**
 * `Prefer: wait=N` on `/v1/serving`, parsed as the OPA Bundle API parses it and bounded the same
 * way (EDICT_OPA_MAX_WAIT_SECONDS, default 300); out of range is 400 `SERVING.PREFER_WAIT_INVALID`.
 */
export function servingWait(prefer: string | undefined): number | undefined {
  try {
    return preferWait(prefer, max);
  } catch (error) {
    if (isEdictError(error) && error.code === 'OPA.PREFER_WAIT_INVALID') throw new ValidationError('SERVING.PREFER_WAIT_INVALID', error.message, error.details);
    throw error;
  }
}
