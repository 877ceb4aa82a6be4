/** Structural limits on JSON request bodies, enforced before JSON.parse sees the text. */
export interface JsonBodyLimits {
  /** deepest nesting of objects and arrays; deeper bodies get 400 `REQUEST.TOO_DEEP` */
  readonly maxDepth: number;
  /** object keys plus array items in the whole body; more get 413 `REQUEST.TOO_MANY_MEMBERS` */
  readonly maxMembers: number;
}

/**
 * Far above what any Edict endpoint needs (a bundle travels as one string), far below what
 * makes recursive code downstream (class-transformer, validators, CEL, canonical JSON) fall over.
 */
export const DEFAULT_JSON_BODY_LIMITS: JsonBodyLimits = { maxDepth: 64, maxMembers: 10_000 };

const positiveInteger = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not '${raw}'`);
  return value;
};

/** `EDICT_HTTP_MAX_JSON_DEPTH` and `EDICT_HTTP_MAX_JSON_MEMBERS`, else the defaults; a bad value fails startup. */
export function jsonBodyLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): JsonBodyLimits {
  return {
    maxDepth: positiveInteger(env, 'EDICT_HTTP_MAX_JSON_DEPTH', DEFAULT_JSON_BODY_LIMITS.maxDepth),
    maxMembers: positiveInteger(env, 'EDICT_HTTP_MAX_JSON_MEMBERS', DEFAULT_JSON_BODY_LIMITS.maxMembers),
  };
}
