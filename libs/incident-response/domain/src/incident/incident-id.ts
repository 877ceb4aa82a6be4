import { sha256Hex, ValidationError, type Command, type Decider, type DomainEvent } from '@edict/core';

/**
 * Incident ids are the runbook's `INC-YYYY-NNNN`: sequential per year, from an
 * `incidentseq-<year>` stream (not published) that reserves one number per finding key. The key
 * names the finding (findingKey), so a redelivered window gets the number it got before; two
 * writers racing for the next number are kept apart by the store's optimistic append.
 */
export type IncidentNumberReserved = DomainEvent<'IncidentNumberReserved', { readonly year: number; readonly number: number; readonly key: string }>;
export type ReserveIncidentNumber = Command<'ReserveIncidentNumber', { readonly year: number; readonly key: string }>;

export interface IncidentSequenceState {
  readonly next: number;
  readonly numbers: Readonly<Record<string, number>>;
}

export const incidentSequenceStream = (year: number): string => `incidentseq-${year}`;

export const incidentSequenceDecider: Decider<ReserveIncidentNumber, IncidentNumberReserved, IncidentSequenceState> = {
  initialState: () => ({ next: 1, numbers: {} }),
  decide: ({ data }, state) => {
    if (data.key.trim() === '') throw new ValidationError('INCIDENT.KEY_INVALID', 'a finding key is required');
    if (state.numbers[data.key] !== undefined) return [];
    return [{ type: 'IncidentNumberReserved', data: { year: data.year, number: state.next, key: data.key } }];
  },
  evolve: (state, { data }) => ({ next: Math.max(state.next, data.number + 1), numbers: { ...state.numbers, [data.key]: data.number } }),
};

/** `INC-2026-0042`; numbers past 9999 keep all their digits. */
export const formatIncidentId = (year: number, number: number): string => `INC-${year}-${String(number).padStart(4, '0')}`;

/** The UTC year of an ISO timestamp (the year whose sequence numbers the incident). */
export const incidentYear = (at: string): number => {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new ValidationError('INCIDENT.TIME_INVALID', `not an ISO timestamp: "${at}"`);
  return new Date(ms).getUTCFullYear();
};

/**
 * What identifies a finding: policy, version, trigger and the window's start (normalised so
 * "…:00Z" and "…:00.000Z" agree), hashed. The same finding always maps to the same number.
 */
export const findingKey = (policyId: string, version: string, trigger: string, windowStart: string): string => {
  const ms = Date.parse(windowStart);
  if (Number.isNaN(ms)) throw new ValidationError('INCIDENT.WINDOW_START_INVALID', `not an ISO timestamp: "${windowStart}"`);
  return sha256Hex([policyId, version, trigger, new Date(ms).toISOString()].join('\u0000')).slice(0, 32);
};
