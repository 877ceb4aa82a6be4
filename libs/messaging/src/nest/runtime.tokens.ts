import { topicPrefix } from '@edict/contracts';
/** DI tokens of the runtime every service shares. EVENT_STORE comes from @edict/event-store. */
export const PG_POOL = Symbol('PG_POOL');
export const KAFKA = Symbol('KAFKA');
export const RUNTIME_OPTIONS = Symbol('RUNTIME_OPTIONS');
export const RUNTIME_LOGGER = Symbol('RUNTIME_LOGGER');

export interface RuntimeOptions {
  /** service name: logs, metrics, Kafka client and consumer group (`edict-<service>`) */
  readonly service: string;
  /** stream categories this service writes and relays to Kafka (ARCHITECTURE.md ownership) */
  readonly relayCategories: readonly string[];
  /** false for services without an event store or read models (the PDP sidecar): Kafka only */
  readonly withStore?: boolean;
}

/** Settings read from the environment, once. */
export interface RuntimeEnv {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly brokers: readonly string[];
}

export function runtimeEnv(env: NodeJS.ProcessEnv = process.env, withStore = true): RuntimeEnv {
  const databaseUrl = env['DATABASE_URL'] ?? '';
  if (withStore && !databaseUrl) throw new Error('DATABASE_URL is not set');
  const brokers = (env['KAFKA_BROKERS'] ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set');
  return { databaseUrl, schema: env['EDICT_DB_SCHEMA'] ?? 'edict', brokers };
}

/** Consumer group of a service, in the deployment's namespace (see `topicPrefix`). */
export const consumerGroupOf = (service: string): string => `${topicPrefix}edict-${service}`;

/** DI token for the Clock (STYLE.md §11); the runtime provides the system clock. */
export const CLOCK = Symbol('CLOCK');
