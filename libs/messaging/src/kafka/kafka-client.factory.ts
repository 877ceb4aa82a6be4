import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { kafkaSecurityFromEnv } from './kafka-security';
import { fixKafkajsIdleLoop } from './kafkajs-idle-loop.fix';
import { fixKafkajsRequestTimeouts } from './kafkajs-request-timeout.fix';
import { useFastProduceEncoding } from './fast-produce-encoding';

/** Brokers from `KAFKA_BROKERS` (comma-separated host:port list). */
export function brokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = (env['KAFKA_BROKERS'] ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (list.length === 0) throw new Error('KAFKA_BROKERS is not set');
  return list;
}

/**
 * A kafkajs client with Edict's defaults: quiet logs, bounded retries, a timeout on every connect
 * (3 s) and request (10 s), kafkajs's idle timer loop stopped, and Produce requests encoded by
 * encodeProduceRequest (fast-produce-encoding.ts; EDICT_KAFKA_FAST_PRODUCE=false keeps kafkajs's).
 */
export function createKafka(clientId: string, brokers: readonly string[], overrides: Partial<KafkaConfig> = {}): Kafka {
  fixKafkajsIdleLoop(); // no 1 ms timer loop per idle broker connection (kafkajs-idle-loop.fix.ts)
  fixKafkajsRequestTimeouts(); // a timer per request in flight, not a 100 ms interval per connection
  useFastProduceEncoding();
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.WARN,
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 200, retries: 8 },
    ...kafkaSecurityFromEnv(),
    ...overrides,
  });
}
