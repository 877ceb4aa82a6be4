import { freePort } from './free-port';
import { containerComponent } from './container-component';
import type { StartedComponent } from './infra-handle';
import { kafkaNodeSettings, newKafkaClusterId, toKafkaImageEnv } from './kafka-config';
import { waitForKafka } from './kafka-readiness';

/**
 * Runs Apache Kafka's own image, same version as the local jars, as one KRaft node. The host
 * port equals the container port, so the single advertised listener is right for clients on
 * the host without a second, internal listener.
 */
export async function startKafkaContainer(version: string, readyTimeoutMs: number, stopOnSignals: boolean): Promise<StartedComponent<string[]>> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  const port = await freePort();
  const settings = {
    ...kafkaNodeSettings({ host: 'localhost', brokerPort: port, controllerPort: 9093, logDir: '/tmp/kraft-combined-logs', quorum: 'static' }),
    listeners: `PLAINTEXT://0.0.0.0:${String(port)},CONTROLLER://localhost:9093`,
    'advertised.listeners': `PLAINTEXT://${host}:${String(port)}`,
  };
  const container = await new GenericContainer(`apache/kafka:${version}`)
    .withEnvironment({ ...toKafkaImageEnv(settings), CLUSTER_ID: newKafkaClusterId(), KAFKA_HEAP_OPTS: '-Xmx512m -Xms512m' })
    .withExposedPorts({ container: port, host: port })
    .withWaitStrategy(Wait.forLogMessage('Kafka Server started'))
    .withStartupTimeout(readyTimeoutMs)
    .start();
  const brokers = [`${host}:${String(port)}`];
  const component = containerComponent(container, brokers, `${brokers[0]!} (apache/kafka:${version})`, stopOnSignals);
  await waitForKafka(brokers, { timeoutMs: readyTimeoutMs }).catch(async (error: unknown) => {
    await component.stop();
    throw error;
  });
  return component;
}
