import { parseExceptionMaxDays, type ExceptionMaxDays } from '@edict/authoring-domain';

export const EXCEPTIONS_CONFIG = Symbol('EXCEPTIONS_CONFIG');

export interface ExceptionsConfig {
  /** the longest an exception may last, per tier (`EDICT_EXCEPTION_MAX_DAYS`, `org=30,team=90,project=180`) */
  readonly maxDays: ExceptionMaxDays;
  /** how often the expiry job looks for exceptions past their expiry (`EDICT_EXCEPTION_EXPIRY_SCAN_MS`, 5 s) */
  readonly expiryScanMs: number;
}

export function exceptionsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ExceptionsConfig {
  const scan = Number(env['EDICT_EXCEPTION_EXPIRY_SCAN_MS'] ?? 5000);
  if (!Number.isFinite(scan) || scan < 50) throw new Error('EDICT_EXCEPTION_EXPIRY_SCAN_MS must be a number of milliseconds >= 50');
  return { maxDays: parseExceptionMaxDays(env['EDICT_EXCEPTION_MAX_DAYS']), expiryScanMs: scan };
}
