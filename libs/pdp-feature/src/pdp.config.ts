export const PDP_CONFIG = Symbol('PDP_CONFIG');
export const PDP_LOGGER = Symbol('PDP_LOGGER');

export interface PdpConfig {
  /** name of this decision point in decision logs */
  readonly name: string;
  readonly distributionUrl: string;
  readonly jwksUrl: string;
  readonly resyncMs: number;
  /** decisions are sent to Kafka in batches of at most this many, at least every flushMs */
  readonly logBatchSize: number;
  readonly logFlushMs: number;
  /** decisions kept while Kafka is unreachable; older ones are dropped and counted */
  readonly logBufferLimit: number;
}

export function pdpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PdpConfig {
  return {
    name: env['EDICT_PDP_NAME'] ?? `pdp-${process.pid}`,
    distributionUrl: (env['EDICT_DISTRIBUTION_URL'] ?? 'http://127.0.0.1:4104').replace(/\/$/, ''),
    jwksUrl: env['EDICT_JWKS_SIGNING_URL'] ?? `${(env['EDICT_SIGNING_URL'] ?? 'http://127.0.0.1:4103').replace(/\/$/, '')}/.well-known/jwks.json`,
    resyncMs: Number(env['EDICT_PDP_RESYNC_MS'] ?? 30000),
    logBatchSize: 500,
    logFlushMs: Number(env['EDICT_PDP_LOG_FLUSH_MS'] ?? 200),
    logBufferLimit: 100000,
  };
}
