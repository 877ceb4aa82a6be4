import { kafkaNodeSettings, newKafkaClusterId, renderLog4jProperties, renderProperties, toKafkaImageEnv } from './kafka-config';
import { kafkaVersionFromPom } from './kafka-libs';

const node = { host: '127.0.0.1', brokerPort: 40001, controllerPort: 40002, logDir: '/tmp/k/data' };

describe('kafkaNodeSettings', () => {
  it('describes a combined broker+controller node with the test settings', () => {
    const settings = kafkaNodeSettings({ ...node, quorum: 'standalone' });
    expect(settings).toMatchObject({
      'process.roles': 'broker,controller',
      listeners: 'PLAINTEXT://127.0.0.1:40001,CONTROLLER://127.0.0.1:40002',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:40001',
      'controller.quorum.bootstrap.servers': '127.0.0.1:40002',
      'log.dirs': '/tmp/k/data',
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'min.insync.replicas': '1',
      'group.initial.rebalance.delay.ms': '0',
      'auto.create.topics.enable': 'true',
      'num.partitions': '3',
    });
    expect(settings['controller.quorum.voters']).toBeUndefined();
  });

  it('names the voters statically for the container, which is not formatted --standalone', () => {
    const settings = kafkaNodeSettings({ ...node, quorum: 'static' });
    expect(settings['controller.quorum.voters']).toBe('1@127.0.0.1:40002');
    expect(settings['controller.quorum.bootstrap.servers']).toBeUndefined();
  });
});

describe('rendering', () => {
  it('writes properties one per line', () => {
    expect(renderProperties({ 'a.b': '1', c: 'x=y' })).toBe('a.b=1\nc=x=y\n');
  });

  it('maps settings to the apache/kafka image environment names', () => {
    expect(toKafkaImageEnv({ 'group.initial.rebalance.delay.ms': '0', 'listener.security.protocol.map': 'P:P', 'a_b-c.d': 'v' })).toEqual({
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'P:P',
      KAFKA_A__B___C_D: 'v',
    });
  });

  it('logs to the given file only', () => {
    const log4j = renderLog4jProperties('/tmp/k/server.log');
    expect(log4j).toContain('log4j.rootLogger=INFO, file\n');
    expect(log4j).toContain('log4j.appender.file.File=/tmp/k/server.log\n');
    expect(log4j).not.toMatch(/ConsoleAppender/);
  });
});

describe('newKafkaClusterId', () => {
  it('is 16 bytes in unpadded URL-safe base64', () => {
    expect(newKafkaClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('redraws ids that would read as a command-line option', () => {
    const draws = [Buffer.from([0xf8, ...Array<number>(15).fill(0)]), Buffer.alloc(16, 1)];
    expect(newKafkaClusterId(() => draws.shift()!)).toBe(Buffer.alloc(16, 1).toString('base64url'));
  });
});

describe('kafkaVersionFromPom', () => {
  it('reads the kafka.version property', () => {
    expect(kafkaVersionFromPom('<properties>\n  <kafka.version> 3.9.2 </kafka.version>\n</properties>')).toBe('3.9.2');
  });

  it('fails with a stable code when the property is missing', () => {
    expect(() => kafkaVersionFromPom('<project/>')).toThrow(expect.objectContaining({ code: 'INFRA.BAD_ENVIRONMENT' }));
  });
});
