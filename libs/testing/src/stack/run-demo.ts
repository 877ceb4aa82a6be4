import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { infraEnvironment } from '../infra/infra-environment';
import { repoRoot } from '../infra/repo-root';
import { startInfra } from '../infra/start-infra';
import { writeDemoOpaAgent } from './demo-opa-agent';
import { runDemoScenario } from './demo-scenario';
import { DEFAULT_SERVICE_PORTS, SERVICE_NAMES, urlVariable } from './service-names';
import { StackClient } from './stack-client';
import { startStack } from './start-stack';

/**
 * `npm run demo`: Kafka, Postgres and OPA from the harness, the seven services on their usual
 * ports, the demo story, then where to look; runs until Ctrl-C (or stops after the story with
 * `--once`). Gates are set for a demo (no minimum traffic, no soak time): see docs/rollout.md.
 */
export async function runDemo(options: { once: boolean }): Promise<void> {
  const root = repoRoot();
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  const infra = await startInfra({ stopOnSignals: false });
  const logDir = join(root, 'tmp', 'demo-logs');
  mkdirSync(logDir, { recursive: true });
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  try {
    const env = infraEnvironment(infra);
    say('starting the seven services (logs in tmp/demo-logs/)…');
    stack = await startStack({
      kafkaBrokers: infra.kafkaBrokers,
      databaseUrl: infra.databaseUrl,
      schema: `demo_${Date.now()}`,
      logDir,
      ports: DEFAULT_SERVICE_PORTS,
      env: { EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: 'pdp-demo', EDICT_TOPIC_PREFIX: `demo-${Date.now()}.` },
    });
    await runDemoScenario(new StackClient(stack.env), root, say);
    say('\nwhere to look:');
    for (const name of SERVICE_NAMES) say(`  ${name.padEnd(18)} ${stack.env[urlVariable(name)]}/docs   (/healthz /readyz /metrics)`);
    say(`  kafka              ${env['KAFKA_BROKERS']}  topics ${stack.env['EDICT_TOPIC_PREFIX']}edict.*.v1`);
    say(`  postgres           ${env['DATABASE_URL']}`);
    say('  try:  export EDICT_TOKEN=$(npm run -s edict -- auth token --role platform oncall auditor)');
    say('        npm run -s edict -- decide --policy org/baseline --subject you --agent coder --action network.connect --resource pypi.org');
    say('        npm run -s edict -- rollout status org/baseline');
    const opaUrls = { distribution: stack.env[urlVariable('distribution')] ?? '', decisionLog: stack.env[urlVariable('decision-log')] ?? '', signing: stack.env[urlVariable('signing')] ?? '' };
    for (const line of await writeDemoOpaAgent(opaUrls, join(root, 'tmp', 'opa-demo'))) say(line);
    if (options.once) return;
    say('\nrunning; Ctrl-C stops everything');
    await new Promise<void>((resolve) => {
      const keepAlive = setInterval(() => undefined, 1 << 30);
      process.once('SIGINT', () => (clearInterval(keepAlive), resolve())).once('SIGTERM', () => (clearInterval(keepAlive), resolve()));
    });
  } finally {
    await stack?.stop();
    await infra.stop();
  }
}
