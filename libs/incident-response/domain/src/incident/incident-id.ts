import { sha256Hex, ValidationError } from '@edict/core';
import type { TriggerKind } from '@edict/contracts';

/**
 * The id of the incident a trigger of a window opens: `INC-<year>-<16 hex>`, after the runbook's
 * INC-YYYY-XXXX. Derived only from what identifies the finding (policy, version, trigger and the
 * window's start, normalised so "…:00Z" and "…:00.000Z" agree), so a redelivered window maps to
 * the same `incident-<id>` stream and cannot open a second incident: the id is the idempotency key.
 */
export const incidentIdFor = (policyId: string, version: string, trigger: TriggerKind, windowStart: string): string => {
  const ms = Date.parse(windowStart);
  if (Number.isNaN(ms)) throw new ValidationError('INCIDENT.WINDOW_START_INVALID', `not an ISO timestamp: "${windowStart}"`);
  const start = new Date(ms).toISOString();
  const hash = sha256Hex([policyId, version, trigger, start].join('\u0000'));
  return `INC-${start.slice(0, 4)}-${hash.slice(0, 16)}`;
};
