import { EVENTSTORE_UNAVAILABLE_REASON, needsDockerProbe, planSources, readInfraEnv } from './source-selection';

const ALL = ['kafka', 'postgres', 'opa', 'eventstore'] as const;

describe('readInfraEnv', () => {
  it('splits KAFKA_BROKERS on commas and drops blanks', () => {
    expect(readInfraEnv({ KAFKA_BROKERS: ' a:9092, b:9092 ,, ' }).kafkaBrokers).toEqual(['a:9092', 'b:9092']);
  });

  it('treats empty and whitespace-only variables as unset', () => {
    expect(readInfraEnv({ KAFKA_BROKERS: ' , ', DATABASE_URL: '', OPA_PATH: '  ', EVENTSTORE_CONNECTION_STRING: '' })).toEqual({});
  });

  it('reads all four variables', () => {
    const env = { KAFKA_BROKERS: 'k:1', DATABASE_URL: 'postgres://db/x', OPA_PATH: '/bin/opa', EVENTSTORE_CONNECTION_STRING: 'esdb://e:2113?tls=false' };
    expect(readInfraEnv(env)).toEqual({
      kafkaBrokers: ['k:1'],
      databaseUrl: 'postgres://db/x',
      opaPath: '/bin/opa',
      eventStoreConnectionString: 'esdb://e:2113?tls=false',
    });
  });
});

describe('planSources', () => {
  it('prefers the environment even when Docker answers', () => {
    const env = readInfraEnv({ KAFKA_BROKERS: 'k:1', DATABASE_URL: 'postgres://db/x', OPA_PATH: '/bin/opa', EVENTSTORE_CONNECTION_STRING: 'esdb://e' });
    expect(planSources(env, true, ALL)).toEqual({ kafka: 'env', postgres: 'env', opa: 'env', eventstore: 'env' });
  });

  it('uses testcontainers for what the environment lacks when Docker answers; OPA stays local', () => {
    expect(planSources(readInfraEnv({ DATABASE_URL: 'postgres://db/x' }), true, ALL)).toEqual({
      kafka: 'testcontainers',
      postgres: 'env',
      opa: 'local',
      eventstore: 'testcontainers',
    });
  });

  it('falls back to local processes without Docker, and EventStoreDB becomes unavailable', () => {
    expect(planSources({}, false, ALL)).toEqual({ kafka: 'local', postgres: 'local', opa: 'local', eventstore: 'unavailable' });
    expect(EVENTSTORE_UNAVAILABLE_REASON).toBe('no EVENTSTORE_CONNECTION_STRING and no Docker engine answered');
  });

  it('plans only the components asked for', () => {
    expect(planSources({}, true, ['eventstore'])).toEqual({ eventstore: 'testcontainers' });
  });
});

describe('needsDockerProbe', () => {
  it('is false when every container-capable component comes from the environment', () => {
    const env = readInfraEnv({ KAFKA_BROKERS: 'k:1', DATABASE_URL: 'postgres://db/x', EVENTSTORE_CONNECTION_STRING: 'esdb://e' });
    expect(needsDockerProbe(env, ALL)).toBe(false);
  });

  it('is true when one of them is missing, and never because of OPA', () => {
    expect(needsDockerProbe(readInfraEnv({ KAFKA_BROKERS: 'k:1', DATABASE_URL: 'postgres://db/x' }), ALL)).toBe(true);
    expect(needsDockerProbe({}, ['opa'])).toBe(false);
  });
});
