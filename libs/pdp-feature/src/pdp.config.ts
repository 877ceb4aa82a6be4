import { hostname } from 'node:os';
import { parentPolicyIds } from '@edict/contracts';

export interface PdpConfig {
  /** name of this decision point in decision logs */
  readonly name: string;
  readonly distributionUrl: string;
  readonly jwksUrl: string;
  /** distribution's JWKS, to verify serving manifests; unused when `manifestJwksFile` pins the keys */
  readonly manifestJwksUrl: string;
  readonly manifestJwksFile: string | undefined;
  readonly resyncMs: number;
  /** how old the cached JWKS may get; a retired key stops verifying on this PDP within it */
  readonly jwksTtlMs: number;
  /** policies to hold (with their parent tiers); undefined: every policy distribution serves */
  readonly policies: ReadonlySet<string> | undefined;
  /** decisions are sent to Kafka in batches of at most this many, at least every flushMs */
  readonly logBatchSize: number;
  readonly logFlushMs: number;
  /** decisions kept while Kafka is unreachable; older ones are dropped and counted */
  readonly logBufferLimit: number;
}

export function pdpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PdpConfig {
  return {
    // unique per instance (its own consumer group): the pod name in Kubernetes
    name: env['EDICT_PDP_NAME'] ?? `pdp-${hostname()}-${process.pid}`,
    policies: policiesFrom(env['EDICT_PDP_POLICIES']),
    distributionUrl: (env['EDICT_DISTRIBUTION_URL'] ?? 'http://127.0.0.1:4104').replace(/\/$/, ''),
    jwksUrl: env['EDICT_JWKS_SIGNING_URL'] ?? `${(env['EDICT_SIGNING_URL'] ?? 'http://127.0.0.1:4103').replace(/\/$/, '')}/.well-known/jwks.json`,
    manifestJwksUrl: env['EDICT_DISTRIBUTION_JWKS_URL'] ?? `${(env['EDICT_DISTRIBUTION_URL'] ?? 'http://127.0.0.1:4104').replace(/\/$/, '')}/.well-known/jwks.json`,
    manifestJwksFile: env['EDICT_PDP_MANIFEST_JWKS_FILE'] || undefined,
    resyncMs: Number(env['EDICT_PDP_RESYNC_MS'] ?? 30000),
    jwksTtlMs: Number(env['EDICT_PDP_JWKS_TTL_MS'] ?? 30000),
    logBatchSize: 500,
    logFlushMs: Number(env['EDICT_PDP_LOG_FLUSH_MS'] ?? 200),
    logBufferLimit: 100000,
  };
}

/** `EDICT_PDP_POLICIES` (comma-separated policy ids, or `*`), widened to their parent tiers. */
function policiesFrom(list: string | undefined): ReadonlySet<string> | undefined {
  const ids = (list ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (ids.length === 0 || ids.includes('*')) return undefined;
  return new Set(ids.flatMap((id) => [...parentPolicyIds(id), id]));
}
