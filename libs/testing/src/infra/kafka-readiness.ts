import { Kafka, logLevel } from 'kafkajs';
import { InfraError } from './infra-error';

/** Options of `waitForKafka`. */
export interface KafkaReadinessOptions {
  readonly timeoutMs: number;
  /** Returns why waiting is pointless (the broker process exited), or undefined to keep trying. */
  readonly gaveUp?: () => string | undefined;
  /** What to append to the error: the broker's log tail. */
  readonly diagnostics?: () => string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function describeOnce(brokers: string[]): Promise<void> {
  // One short attempt per loop turn: kafkajs' own retries would outlast our deadline.
  const kafka = new Kafka({ clientId: 'edict-infra-probe', brokers, logLevel: logLevel.NOTHING, connectionTimeout: 1000, requestTimeout: 5000, retry: { retries: 0 } });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('the cluster reports no brokers yet');
    // Looking up a group's coordinator creates __consumer_offsets; doing it here spares the
    // first consumer of every run a slow, noisy "group coordinator not available" retry loop.
    await admin.describeGroups(['edict-infra-readiness']);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Resolves once a kafkajs admin can describe the cluster at `brokers` and find a group
 * coordinator. Fails with
 * INFRA.KAFKA_START_FAILED, the last client error and the diagnostics on timeout, or as soon
 * as `gaveUp` reports a reason.
 */
export async function waitForKafka(brokers: string[], options: KafkaReadinessOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'no attempt made';
  for (;;) {
    const reason = options.gaveUp?.();
    if (reason !== undefined || Date.now() > deadline) {
      const why = reason ?? `not ready after ${Math.round(options.timeoutMs / 1000)} s (last error: ${lastError})`;
      const tail = options.diagnostics?.() ?? '';
      throw new InfraError('INFRA.KAFKA_START_FAILED', `Kafka at ${brokers.join(',')}: ${why}${tail ? `\n${tail}` : ''}`, { brokers, lastError });
    }
    try {
      await describeOnce(brokers);
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      await sleep(250);
    }
  }
}
