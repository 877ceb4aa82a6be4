import type { KafkaConfig, SASLOptions } from 'kafkajs';

/**
 * TLS and SASL for Kafka from the environment, so that a cluster with access control can tell
 * the services apart (one principal per service): `KAFKA_SSL=true`, `KAFKA_SASL_MECHANISM`
 * (`plain`, `scram-sha-256`, `scram-sha-512`), `KAFKA_SASL_USERNAME`, `KAFKA_SASL_PASSWORD`.
 * Unset: plaintext, as the local stack uses.
 */
export function kafkaSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const security: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (env['KAFKA_SSL'] === 'true') security.ssl = true;
  const mechanism = env['KAFKA_SASL_MECHANISM'];
  if (mechanism) {
    if (mechanism !== 'plain' && mechanism !== 'scram-sha-256' && mechanism !== 'scram-sha-512') {
      throw new Error(`KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512, not '${mechanism}'`);
    }
    const username = env['KAFKA_SASL_USERNAME'];
    const password = env['KAFKA_SASL_PASSWORD'];
    if (!username || !password) throw new Error('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with KAFKA_SASL_MECHANISM');
    security.sasl = { mechanism, username, password } as SASLOptions;
  }
  return security;
}
