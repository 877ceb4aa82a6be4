import { BODY_LIMIT_BYTES, jsonBodyLimitsFromEnv, type JsonBodyLimits } from '@edict/service-kit';

/** What `POST /opa/logs` reads: bigger than the edge's JSON limits, because OPA batches are. */
export interface OpaLogsBodyLimits {
  /** bytes on the wire (gzip): the edge's 1 MiB, far above OPA's default 32 KiB chunks */
  readonly maxCompressedBytes: number;
  /** bytes after gunzip; more is 413 `REQUEST.TOO_LARGE` (a gzip bomb stops here) */
  readonly maxBytes: number;
  /** nesting as the edge; members far above the edge's 10,000 (a full 32 KiB chunk has ~14,000) */
  readonly json: JsonBodyLimits;
}

const positive = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not '${raw}'`);
  return value;
};

/** `EDICT_OPA_LOGS_MAX_BYTES` (default 16 MiB) and `EDICT_OPA_LOGS_MAX_MEMBERS` (default 500,000); a bad value fails the start. */
export function opaLogsBodyLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): OpaLogsBodyLimits {
  return {
    maxCompressedBytes: BODY_LIMIT_BYTES,
    maxBytes: positive(env, 'EDICT_OPA_LOGS_MAX_BYTES', 16 * 1024 * 1024),
    json: { maxDepth: jsonBodyLimitsFromEnv(env).maxDepth, maxMembers: positive(env, 'EDICT_OPA_LOGS_MAX_MEMBERS', 500_000) },
  };
}
