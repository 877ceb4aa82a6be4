import { containerComponent } from './container-component';
import type { StartedComponent } from './infra-handle';

/** The image; override with EDICT_EVENTSTORE_IMAGE (e.g. a KurrentDB or an arm64 tag). */
export const eventStoreImage = (env: NodeJS.ProcessEnv = process.env): string =>
  env.EDICT_EVENTSTORE_IMAGE?.trim() || 'eventstore/eventstore:24.10';

/** A single in-memory EventStoreDB node in insecure mode (plain gRPC over HTTP, no certificates). */
export async function startEventStoreContainer(readyTimeoutMs: number, stopOnSignals: boolean): Promise<StartedComponent<string>> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const image = eventStoreImage();
  const container = await new GenericContainer(image)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_RUN_PROJECTIONS: 'All',
      EVENTSTORE_START_STANDARD_PROJECTIONS: 'true',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .withStartupTimeout(readyTimeoutMs)
    .start();
  const address = `${container.getHost()}:${String(container.getMappedPort(2113))}`;
  return containerComponent(container, `esdb://${address}?tls=false`, `${address} (${image})`, stopOnSignals);
}
