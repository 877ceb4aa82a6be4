import { ValidationError } from '@edict/core';
import { pathRule, type MaskRule } from '@edict/decision-log-domain';

/** DI token of the DecisionLogConfig. */
export const DECISION_LOG_CONFIG = Symbol('DECISION_LOG_CONFIG');

/** How decision-log masks and windows decisions; read once at start. */
export interface DecisionLogConfig {
  /** the configured path rules; maskDecision always adds the default secret rules */
  readonly maskRules: readonly MaskRule[];
  /** length of the epoch-aligned decision windows */
  readonly windowLengthMs: number;
  /** how far behind the watermark a window's end must be before it closes (decisions still on their way) */
  readonly allowedLatenessMs: number;
  /** whole UTC days of raw decisions kept besides today; older day partitions are dropped */
  readonly retentionDays: number;
  /**
   * whether every decision is stored in `decisions` (true, the default); false is the windows-only
   * mode: only window counts and the consumed offsets are kept (see WindowsOnlyIngest)
   */
  readonly storeRaw: boolean;
  /**
   * whether the decisions consumer decodes fetched record batches with its own decoder (true, the
   * default; the same records as kafkajs's, less CPU, see useFastFetchDecoding); false keeps kafkajs's
   */
  readonly fastDecode: boolean;
}

const invalid = (name: string, message: string): ValidationError =>
  new ValidationError('DECISION_LOG.CONFIG_INVALID', `${name}: ${message}`);

/** `EDICT_DECISION_MASK_PATHS`: comma-separated paths (`context.user.email, resource`); blanks ignored. */
export function maskRulesFrom(raw: string | undefined): MaskRule[] {
  const paths = (raw ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  return paths.map((path) => {
    try {
      return pathRule(path);
    } catch (error) {
      // A bad path must stop the service: starting without it would store what it should hide.
      throw invalid('EDICT_DECISION_MASK_PATHS', error instanceof Error ? error.message : String(error));
    }
  });
}

/** A whole number of ms, at least `min`, from `raw` (unset or blank: `fallback`) times `scale`. */
function wholeMs(name: string, raw: string | undefined, fallback: number, scale: number, min: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const ms = Number(raw) * scale;
  if (!Number.isInteger(ms) || ms < min) throw invalid(name, `'${raw}' is not a valid value (whole milliseconds, at least ${min} ms)`);
  return ms;
}

/** A whole number of days, at least 1, from `raw` (unset or blank: `fallback`). */
function wholeDays(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) throw invalid(name, `'${raw}' is not a valid value (whole days, at least 1)`);
  return days;
}

/** `true`/`false` (any case, blanks: `fallback`); anything else is refused. */
function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalid(name, `'${raw ?? ''}' is not a valid value (true or false)`);
}

/**
 * The configuration from the environment: mask paths, window length (`EDICT_DECISION_WINDOW_SECONDS`,
 * default 60) and allowed lateness (`EDICT_DECISION_ALLOWED_LATENESS_MS`, default 2000; the former
 * `EDICT_DECISION_WINDOW_GRACE_MS` is read when it is not set) and raw decisions' retention
 * `EDICT_DECISION_RETENTION_DAYS` (whole days, default 30, at least 1), and whether raw decisions
 * are stored, `EDICT_DECISION_STORE_RAW` (true or false, default true), and whether fetched
 * records are decoded by decision-log's own decoder, `EDICT_DECISION_FAST_DECODE` (default true). Throws
 * DECISION_LOG.CONFIG_INVALID naming the variable, so a typo fails the start, not the data.
 */
export function decisionLogConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DecisionLogConfig {
  return {
    maskRules: maskRulesFrom(env['EDICT_DECISION_MASK_PATHS']),
    windowLengthMs: wholeMs('EDICT_DECISION_WINDOW_SECONDS', env['EDICT_DECISION_WINDOW_SECONDS'], 60_000, 1000, 1),
    allowedLatenessMs: env['EDICT_DECISION_ALLOWED_LATENESS_MS'] === undefined && env['EDICT_DECISION_WINDOW_GRACE_MS'] !== undefined
      ? wholeMs('EDICT_DECISION_WINDOW_GRACE_MS', env['EDICT_DECISION_WINDOW_GRACE_MS'], 2000, 1, 0)
      : wholeMs('EDICT_DECISION_ALLOWED_LATENESS_MS', env['EDICT_DECISION_ALLOWED_LATENESS_MS'], 2000, 1, 0),
    retentionDays: wholeDays('EDICT_DECISION_RETENTION_DAYS', env['EDICT_DECISION_RETENTION_DAYS'], 30),
    storeRaw: flag('EDICT_DECISION_STORE_RAW', env['EDICT_DECISION_STORE_RAW'], true),
    fastDecode: flag('EDICT_DECISION_FAST_DECODE', env['EDICT_DECISION_FAST_DECODE'], true),
  };
}
