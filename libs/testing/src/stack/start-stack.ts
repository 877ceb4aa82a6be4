import { mkdirSync } from 'node:fs';
import { freePorts } from '../infra/free-port';
import { repoRoot } from '../infra/repo-root';
import { SERVICE_NAMES, urlVariable, type ServiceName } from './service-names';
import { spawnService, type ServiceProcess } from './service-process';
import { waitReady } from './wait-ready';

export interface StackOptions {
  readonly kafkaBrokers: readonly string[];
  readonly databaseUrl: string;
  /** Postgres schema for the event store and read models: a fresh one isolates a test run */
  readonly schema: string;
  readonly logDir: string;
  /** fixed ports (the local stack); default: free ports */
  readonly ports?: Readonly<Record<ServiceName, number>>;
  /** extra environment for every service (gate thresholds, window length, …) */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Stack {
  readonly services: Readonly<Record<ServiceName, ServiceProcess>>;
  /** the environment a CLI or client needs to reach the stack */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/** Starts every service as its own process against the given Kafka and Postgres, and waits until all are ready. */
export async function startStack(options: StackOptions): Promise<Stack> {
  mkdirSync(options.logDir, { recursive: true });
  const free = await freePorts(SERVICE_NAMES.length);
  const port = (name: ServiceName, i: number): number => options.ports?.[name] ?? (free[i] as number);
  const urls = Object.fromEntries(SERVICE_NAMES.map((name, i) => [urlVariable(name), `http://127.0.0.1:${port(name, i)}`]));
  const env: Record<string, string> = {
    KAFKA_BROKERS: options.kafkaBrokers.join(','),
    DATABASE_URL: options.databaseUrl,
    EDICT_DB_SCHEMA: options.schema,
    EDICT_SIGNING_KEY_FILE: `${options.logDir}/signing-key.jwk.json`,
    EDICT_DISTRIBUTION_KEY_FILE: `${options.logDir}/distribution-key.jwk.json`,
    EDICT_SIGNING_KEY_DIR: `${options.logDir}/signing-keys`,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
    ...urls,
    ...options.env,
  };
  const root = repoRoot();
  const started: ServiceProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((s) => s.stop()));
  };
  try {
    SERVICE_NAMES.forEach((name, i) => started.push(spawnService(root, name, port(name, i), { ...process.env, ...env }, options.logDir)));
    await Promise.all(started.map((s) => waitReady(s)));
  } catch (error) {
    await stop();
    throw error;
  }
  const services = Object.fromEntries(started.map((s) => [s.name, s])) as Record<ServiceName, ServiceProcess>;
  return { services, env, stop };
}
