import { randomBytes } from 'node:crypto';

/** Broker settings for tests, whatever runs the broker: one replica, no rebalance delay. */
export const TEST_BROKER_SETTINGS: Readonly<Record<string, string>> = {
  'offsets.topic.replication.factor': '1',
  'offsets.topic.num.partitions': '3',
  'transaction.state.log.replication.factor': '1',
  'transaction.state.log.min.isr': '1',
  'min.insync.replicas': '1',
  'group.initial.rebalance.delay.ms': '0',
  'auto.create.topics.enable': 'true',
  'num.partitions': '3',
};

/** A single KRaft node that is broker and controller at once. */
export interface KafkaNode {
  readonly host: string;
  readonly brokerPort: number;
  readonly controllerPort: number;
  readonly logDir: string;
  /** `standalone`: dynamic quorum formatted with `--standalone`; `static`: controller.quorum.voters. */
  readonly quorum: 'standalone' | 'static';
}

/** Every setting of a combined-mode node, test settings included. */
export function kafkaNodeSettings(node: KafkaNode): Record<string, string> {
  const controller = `${node.host}:${node.controllerPort}`;
  return {
    'process.roles': 'broker,controller',
    'node.id': '1',
    listeners: `PLAINTEXT://${node.host}:${node.brokerPort},CONTROLLER://${controller}`,
    'advertised.listeners': `PLAINTEXT://${node.host}:${node.brokerPort}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    ...(node.quorum === 'standalone'
      ? { 'controller.quorum.bootstrap.servers': controller }
      : { 'controller.quorum.voters': `1@${controller}` }),
    'log.dirs': node.logDir,
    ...TEST_BROKER_SETTINGS,
  };
}

/** `key=value` lines, as server.properties expects. */
export function renderProperties(settings: Readonly<Record<string, string>>): string {
  return `${Object.entries(settings).map(([key, value]) => `${key}=${value}`).join('\n')}\n`;
}

/** The apache/kafka image's env names: `.`→`_`, `_`→`__`, `-`→`___`, upper case, `KAFKA_` prefix. */
export function toKafkaImageEnv(settings: Readonly<Record<string, string>>): Record<string, string> {
  const envName = (key: string): string =>
    `KAFKA_${key.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase()}`;
  return Object.fromEntries(Object.entries(settings).map(([key, value]) => [envName(key), value]));
}

/** Everything to one file, nothing on the console; chatty request/state loggers at WARN. */
export function renderLog4jProperties(logFile: string): string {
  return renderProperties({
    'log4j.rootLogger': 'INFO, file',
    'log4j.appender.file': 'org.apache.log4j.FileAppender',
    'log4j.appender.file.File': logFile,
    'log4j.appender.file.layout': 'org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern': '[%d] %p %m (%c)%n',
    'log4j.logger.kafka.request.logger': 'WARN',
    'log4j.logger.state.change.logger': 'WARN',
    'log4j.logger.kafka.log.LogCleaner': 'WARN',
    'log4j.logger.org.apache.kafka.storage.internals.log': 'WARN',
  });
}

/**
 * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding, as `random-uuid` makes
 * them. Like Kafka, ids starting with `-` are redrawn: the CLI would read them as an option.
 */
export function newKafkaClusterId(random: () => Buffer = () => randomBytes(16)): string {
  for (;;) {
    const id = random().toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
