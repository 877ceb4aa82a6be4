import type { DecisionWindowClosed } from '@edict/contracts';
import { ValidationError } from '@edict/core';

type ClosedWindow = DecisionWindowClosed['data'];

/** What a window aggregates over: one version of one policy, canary cohorts apart from the rest. */
export type WindowKey = Pick<ClosedWindow, 'policyId' | 'version' | 'canary'>;

/** A window still collecting decisions; `evaluationNsSum` becomes the mean when it closes. */
export type OpenWindow = Omit<ClosedWindow, 'meanEvaluationNs'> & { readonly evaluationNsSum: number };

/**
 * The aggregator's whole state, plain data so it can be checkpointed. Windows are fixed, aligned
 * to the Unix epoch (`[k·length, (k+1)·length)`), so every instance of decision-log cuts the same
 * windows and a redelivered decision lands where it did the first time.
 */
export interface WindowAggregator {
  readonly windowLengthMs: number;
  /** by windowId(key, windowStart) */
  readonly open: Readonly<Record<string, OpenWindow>>;
  /** windows ending at or before this instant were closed: decisions for them come too late */
  readonly closedThrough: string | null;
  /** decisions dropped because their window had already closed */
  readonly lateDecisions: number;
}

/** An aggregator with no open window, cutting windows of `windowLengthMs` (a positive integer). */
export const createWindowAggregator = (windowLengthMs: number): WindowAggregator => {
  if (!Number.isInteger(windowLengthMs) || windowLengthMs <= 0) {
    throw new ValidationError('WINDOW.LENGTH_INVALID', `window length must be a positive whole number of ms, not ${windowLengthMs}`);
  }
  return { windowLengthMs, open: {}, closedThrough: null, lateDecisions: 0 };
};

/** The open-window id: JSON of the parts, so no separator can be confused with a policy id's characters. */
export const windowId = (key: WindowKey, windowStart: string): string =>
  JSON.stringify([key.policyId, key.version, key.canary, windowStart]);

/** Epoch ms of an ISO timestamp, or a ValidationError (a poison message, for the DLQ). */
export const epochMs = (iso: string, what: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ValidationError('WINDOW.TIMESTAMP_INVALID', `${what} is not an ISO timestamp: "${iso}"`);
  return ms;
};
