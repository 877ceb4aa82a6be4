import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';
import { currentContext } from '../context/correlation.context';

export type { Logger } from 'pino';

/** Options mostly for tests; services take the defaults. */
export interface CreateLoggerOptions {
  /** default: `LOG_LEVEL` from the environment, else `info` */
  readonly level?: string;
  /** default: stdout */
  readonly destination?: DestinationStream;
}

// Tokens and credentials must never reach a log line, even when someone logs a whole principal
// or header object by mistake.
const REDACT = ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'];

/**
 * A JSON logger for one service: every line carries `service`, an ISO `time`, and the
 * `correlationId` / `causationId` of the current context (see `LogFields` for the stable names).
 */
export function createLogger(service: string, options: CreateLoggerOptions = {}): Logger {
  const level = options.level ?? process.env['LOG_LEVEL'] ?? 'info';
  const config = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: '[redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: () => {
      const context = currentContext();
      if (!context) return {};
      return context.causationId === undefined
        ? { correlationId: context.correlationId }
        : { correlationId: context.correlationId, causationId: context.causationId };
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
