import { containerComponent } from './container-component';
import type { StartedComponent } from './infra-handle';
import { TEST_POSTGRES_SETTINGS } from './postgres-config';

const IMAGE = 'postgres:15';

/** PostgreSQL 15 in a container with the same test settings as the local cluster, data on tmpfs. */
export async function startPostgresContainer(readyTimeoutMs: number, stopOnSignals: boolean): Promise<StartedComponent<string>> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const settings = Object.entries(TEST_POSTGRES_SETTINGS).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const container = await new GenericContainer(IMAGE)
    .withEnvironment({ POSTGRES_PASSWORD: 'edict', POSTGRES_DB: 'edict' })
    .withCommand(['postgres', ...settings])
    .withTmpFs({ '/var/lib/postgresql/data': 'rw' })
    .withExposedPorts(5432)
    // The entrypoint starts the server twice (init, then for real): wait for the second.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(readyTimeoutMs)
    .start();
  const address = `${container.getHost()}:${String(container.getMappedPort(5432))}`;
  return containerComponent(container, `postgres://postgres:edict@${address}/edict`, `${address} (${IMAGE})`, stopOnSignals);
}
