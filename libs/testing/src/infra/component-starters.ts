import { edictCacheDir } from './cache-dir';
import { startEventStoreContainer } from './eventstore-container';
import { InfraError } from './infra-error';
import type { InfraSource, StartedComponent } from './infra-handle';
import { startKafkaContainer } from './kafka-container';
import { ensureKafkaLibs, pinnedKafkaVersion } from './kafka-libs';
import { startLocalKafka } from './kafka-process';
import { resolveOpa } from './opa-binary';
import { startPostgresContainer } from './postgres-container';
import { startLocalPostgres } from './postgres-cluster';
import type { EnvInfra } from './source-selection';

/** What every starter needs to know. */
export interface StartContext {
  readonly root: string;
  readonly given: EnvInfra;
  readonly stopOnSignals: boolean;
  readonly log: (line: string) => void;
}

// Generous: a cold JVM on a busy 2-core CI runner, or an image pull.
const READY_TIMEOUT_MS = 180_000;
const nothingToStop = (): Promise<void> => Promise.resolve();
const fromEnv = <T>(value: T, detail: string): StartedComponent<T> => ({ value, source: 'env', detail, stop: nothingToStop });

/** Kafka from KAFKA_BROKERS, a container, or the broker jars run locally. */
export async function startKafka(source: InfraSource, ctx: StartContext): Promise<StartedComponent<string[]>> {
  if (source === 'env') return fromEnv(ctx.given.kafkaBrokers!, ctx.given.kafkaBrokers!.join(','));
  if (source === 'testcontainers') return startKafkaContainer(pinnedKafkaVersion(ctx.root), READY_TIMEOUT_MS, ctx.stopOnSignals);
  const libs = await ensureKafkaLibs(ctx.root, edictCacheDir(), ctx.log);
  return startLocalKafka(libs, READY_TIMEOUT_MS, ctx.stopOnSignals);
}

/** PostgreSQL from DATABASE_URL, a container, or a private local cluster. */
export async function startPostgres(source: InfraSource, ctx: StartContext): Promise<StartedComponent<string>> {
  if (source === 'env') return fromEnv(ctx.given.databaseUrl!, redactPassword(ctx.given.databaseUrl!));
  if (source === 'testcontainers') return startPostgresContainer(READY_TIMEOUT_MS, ctx.stopOnSignals);
  return startLocalPostgres(ctx.stopOnSignals);
}

/** EventStoreDB from EVENTSTORE_CONNECTION_STRING or a container; there is no local process. */
export async function startEventStore(source: InfraSource, ctx: StartContext): Promise<StartedComponent<string>> {
  if (source === 'env') return fromEnv(ctx.given.eventStoreConnectionString!, ctx.given.eventStoreConnectionString!);
  if (source === 'testcontainers') return startEventStoreContainer(READY_TIMEOUT_MS, ctx.stopOnSignals);
  // planSources never asks for this; reaching it is a bug in the caller.
  throw new InfraError('INFRA.BAD_ENVIRONMENT', `EventStoreDB has no ${source} source`);
}

/** The `opa` binary from OPA_PATH or tools/ensure-opa.sh. */
export const startOpa = (_source: InfraSource, ctx: StartContext): Promise<StartedComponent<string>> => resolveOpa(ctx.root, ctx.given.opaPath, ctx.stopOnSignals);

/** A URL fit for a log line: the password replaced by `***`. */
export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)'; // never echo what might be a secret
  }
}
