import type { Logger } from '@edict/observability';

/** The labels of the HTTP metric, which the access line repeats. */
export interface AccessLabels {
  readonly method: string;
  readonly route: string;
  readonly status: string;
}

/**
 * The access line of one decision request, at debug only: at info a PDP would write one line per
 * decision (issue 8: none at info). Nothing is built when debug is off, so the hot path allocates
 * nothing for it; a 5xx is logged at error with its cause where it is answered.
 */
export function logDecisionRequest(logger: Logger, labels: AccessLabels, seconds: number, inContext: (log: () => void) => void): void {
  if (!logger.isLevelEnabled('debug')) return;
  inContext(() => logger.debug({ ...labels, durationMs: Math.round(seconds * 1000) }, 'request handled'));
}
