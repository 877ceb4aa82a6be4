import type { InfraHandle } from './infra-handle';

/** The variables a service or test process reads to find the infrastructure. */
export function infraEnvironment(handle: InfraHandle): Record<string, string> {
  return {
    KAFKA_BROKERS: handle.kafkaBrokers.join(','),
    DATABASE_URL: handle.databaseUrl,
    OPA_PATH: handle.opaPath,
    ...(handle.eventStoreConnectionString ? { EVENTSTORE_CONNECTION_STRING: handle.eventStoreConnectionString } : {}),
  };
}

const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** `export NAME='value'` lines for a POSIX shell. */
export function formatShellExports(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([name, value]) => `export ${name}=${shellQuote(value)}`)
    .join('\n');
}
