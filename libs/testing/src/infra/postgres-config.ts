/**
 * Test-speed server settings: durability is worthless for a throwaway cluster that only stops
 * cleanly. (`synchronous_commit=off` acknowledges a COMMIT before its WAL leaves Postgres's
 * memory, so a crash forgets the last acknowledged transactions: see CRASH_SAFE_POSTGRES_SETTINGS.)
 */
export const TEST_POSTGRES_SETTINGS: Readonly<Record<string, string>> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '300',
};

/**
 * For a cluster a fault test crashes (`pg_ctl stop -m immediate`): a COMMIT is acknowledged only
 * once its WAL is written, so what Postgres acknowledged survives the crash, as it does in
 * production. `fsync` stays off: the operating system's page cache outlives the Postgres process.
 */
export const CRASH_SAFE_POSTGRES_SETTINGS: Readonly<Record<string, string>> = { ...TEST_POSTGRES_SETTINGS, synchronous_commit: 'on' };

/** Where and how a private cluster listens. */
export interface PostgresListen {
  readonly port: number;
  readonly socketDir: string;
}

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * The `pg_ctl -o` string: loopback only, the unix socket in the cluster's own folder (never
 * /var/run/postgresql, which may belong to a system cluster), plus the test settings.
 * pg_ctl hands this string to a shell, hence the quoting.
 */
export function postgresServerOptions(listen: PostgresListen, serverSettings: Readonly<Record<string, string>> = TEST_POSTGRES_SETTINGS): string {
  const settings = Object.entries(serverSettings).map(([key, value]) => `-c ${key}=${value}`);
  return [`-p ${String(listen.port)}`, `-k ${quote(listen.socketDir)}`, `-c listen_addresses=127.0.0.1`, ...settings].join(' ');
}

/** initdb arguments: superuser `postgres`, trust auth (loopback of a private cluster), UTF-8. */
export function initdbArgs(dataDir: string): string[] {
  return ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'];
}

/** The URL of a database on the cluster. */
export const postgresUrl = (port: number, database: string): string => `postgres://postgres@127.0.0.1:${String(port)}/${database}`;
