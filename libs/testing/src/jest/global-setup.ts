import './register-path-aliases'; // first: the harness below imports @edict/core
import {
  dockerEngineAnswers,
  EVENTSTORE_UNAVAILABLE_REASON,
  infraEnvironment,
  readInfraEnv,
  redactPassword,
  reportLine,
  startInfra,
  type InfraHandle,
} from '../infra';
import { getInfraState, setInfraState } from './infra-state';

const say = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * With KAFKA_BROKERS, DATABASE_URL and OPA_PATH all set, uses them as they are. Otherwise
 * starts what is missing and exports it to process.env, which the test workers inherit.
 * jest.config.js includes the eventstoredb tests when a Docker engine answers, so in that
 * case an EventStoreDB is started even when the other three come from the environment.
 */
async function provision(): Promise<InfraHandle | undefined> {
  const given = readInfraEnv(process.env);
  if (!(given.kafkaBrokers && given.databaseUrl && given.opaPath)) return startInfra();
  say(reportLine('kafka', 'env', `KAFKA_BROKERS=${given.kafkaBrokers.join(',')}`));
  say(reportLine('postgres', 'env', `DATABASE_URL=${redactPassword(given.databaseUrl)}`));
  say(reportLine('opa', 'env', `OPA_PATH=${given.opaPath}`));
  if (given.eventStoreConnectionString) {
    say(reportLine('eventstore', 'env', 'EVENTSTORE_CONNECTION_STRING'));
    return undefined;
  }
  return (await dockerEngineAnswers()) ? startInfra({ components: ['eventstore'] }) : undefined;
}

/** Jest global setup of the int and e2e projects; idempotent within one Jest run. */
export default async function globalSetup(): Promise<void> {
  if (getInfraState()) return;
  const handle = await provision();
  if (handle) {
    const env = infraEnvironment(handle);
    for (const [name, value] of Object.entries(env)) if (value) process.env[name] = value;
  }
  setInfraState(handle ? { handle } : {});
  say(
    process.env.EVENTSTORE_CONNECTION_STRING
      ? 'infra: the EventStoreDB contract suite WILL run'
      : `infra: the EventStoreDB contract suite will NOT run: ${handle?.eventStoreUnavailableReason ?? EVENTSTORE_UNAVAILABLE_REASON}`,
  );
}
