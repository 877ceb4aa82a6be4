import { ForbiddenError } from '@edict/core';

/** The header an operator sets to confirm a kill-switch change is deliberate (runbook: emergency override). */
export const OVERRIDE_HEADER = 'x-edict-override';

export function requireOverrideHeader(value: string | undefined): void {
  if (value !== 'true') {
    throw new ForbiddenError('ROLLOUT.OVERRIDE_HEADER_REQUIRED', `the kill switch needs the header ${OVERRIDE_HEADER}: true`);
  }
}
