import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecisionRequest } from '@edict/policy-engine';
import { mintDevToken } from '@edict/service-kit';
import { askPdpUntilVersion, shipBundle, StackClient, startInfra, startStack, uniqueName, urlVariable } from '@edict/testing';
import type { Cleanup } from './cleanup';

/** The PDP sidecar of a running stack, serving the benchmark bundle. */
export interface PdpSidecar {
  readonly url: string;
  /** a bearer token the PDP accepts (dev issuer, role platform) */
  readonly token: string;
  /** decision-log's URL, where OPA's decision_logs plugin posts (`<url>/opa/logs`) */
  readonly decisionLogUrl: string;
  /** the PDP's process id, for the idle footprint */
  readonly pid: number | undefined;
  /** the services' logs, kept when the run fails */
  readonly logDir: string;
}

/**
 * Brings up what the sidecar needs and gets the bundle to it the way production does: Kafka and
 * Postgres from the infra harness (the environment's, when KAFKA_BROKERS / DATABASE_URL are
 * set), the seven services as processes, then the bundle file through draft → validation →
 * approvals → signature → rollout 10/50/100, until the PDP answers from that version. A fresh
 * schema and topic prefix keep the run apart from any other stack on the same broker.
 * Everything started is registered with `cleanup`, as soon as it is started.
 */
export async function startPdpSidecar(cleanup: Cleanup, bundleFile: string, probe: DecisionRequest, say: (line: string) => void): Promise<PdpSidecar> {
  // Stopped by `cleanup` in order (services before the broker they talk to), so no own signal handling.
  const infra = await startInfra({ components: ['kafka', 'postgres'], stopOnSignals: false, log: say });
  cleanup.add('infra (Kafka, Postgres)', () => infra.stop());

  const logDir = mkdtempSync(join(tmpdir(), 'edict-bench-stack-'));
  const run = uniqueName('bench');
  say(`bench:engine: starting the seven services (logs in ${logDir})…`);
  const stack = await startStack({
    kafkaBrokers: infra.kafkaBrokers,
    databaseUrl: infra.databaseUrl,
    schema: run.replace(/-/g, '_'),
    logDir,
    // no traffic minimum or soak time between rollout steps: the benchmark is not about gates;
    // the generated policy has no bundle tests, so the org tier's rule coverage is not required
    env: { EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_VALIDATION_REQUIRE_COVERAGE: 'none', EDICT_TOPIC_PREFIX: `${run}.`, EDICT_PDP_NAME: `pdp-${run}`, LOG_LEVEL: 'warn' },
  });
  cleanup.add('the seven services', () => stack.stop());

  const client = new StackClient(stack.env);
  const shipped = await shipBundle(client, bundleFile, (line) => say(`bench:engine:   ${line}`));
  // The PDP follows rollouts by Kafka push and a 30 s resync; a cold consumer group can take a while to join.
  await askPdpUntilVersion(client, { policyId: shipped.policyId, subject: 'bench-probe', request: probe }, shipped.version, 120_000);
  say(`bench:engine: the PDP serves ${shipped.policyId}@${shipped.version}`);

  const url = stack.env[urlVariable('pdp')];
  if (!url) throw new Error('the stack has no PDP URL');
  const token = await mintDevToken({ subject: 'bench-client', roles: ['platform'], ttlSeconds: 3600 });
  const decisionLogUrl = stack.env[urlVariable('decision-log')];
  if (!decisionLogUrl) throw new Error('the stack has no decision-log URL');
  return { url, token, logDir, decisionLogUrl, pid: stack.services.pdp.child.pid };
}

/** Removes the services' logs (after a successful run; a failed one keeps them to read). */
export const removeLogs = (sidecar: PdpSidecar): void => rmSync(sidecar.logDir, { recursive: true, force: true });
