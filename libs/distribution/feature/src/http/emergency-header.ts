import { ForbiddenError } from '@edict/core';
import { OVERRIDE_HEADER } from './override-header';

/** The runbook's header for the system-wide kill switch; the older `x-edict-override` is accepted too. */
export const EMERGENCY_HEADER = 'x-emergency-override';

export function requireEmergencyHeader(emergency: string | undefined, legacy: string | undefined): void {
  if (emergency === 'true' || legacy === 'true') return;
  throw new ForbiddenError('SYSTEM.OVERRIDE_HEADER_REQUIRED', `the system kill switch needs the header X-Emergency-Override: true (or ${OVERRIDE_HEADER}: true)`);
}
