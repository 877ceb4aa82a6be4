import { dockerEngineAnswers } from './docker-engine';
import { startEventStore, startKafka, startOpa, startPostgres, type StartContext } from './component-starters';
import { InfraError } from './infra-error';
import type { InfraComponent, InfraHandle, InfraSource, StartedComponent, StartInfraOptions } from './infra-handle';
import { repoRoot } from './repo-root';
import { reportLine } from './report-line';
import { ALL_COMPONENTS, EVENTSTORE_UNAVAILABLE_REASON, needsDockerProbe, planSources, readInfraEnv } from './source-selection';

type Starter = (source: InfraSource, ctx: StartContext) => Promise<StartedComponent<string | string[]>>;
const STARTERS: Record<InfraComponent, Starter> = { kafka: startKafka, postgres: startPostgres, opa: startOpa, eventstore: startEventStore };

async function timed(component: InfraComponent, source: InfraSource, ctx: StartContext): Promise<StartedComponent<string | string[]>> {
  const started = Date.now();
  const result = await STARTERS[component](source, ctx);
  ctx.log(reportLine(component, source, `${result.detail} [${String(Date.now() - started)} ms]`));
  return result;
}

async function stopAll(started: readonly StartedComponent<unknown>[]): Promise<void> {
  const failures = (await Promise.allSettled(started.map((c) => c.stop()))).filter((r) => r.status === 'rejected');
  if (failures.length > 0) {
    throw new InfraError('INFRA.STOP_FAILED', failures.map((f) => String(f.reason)).join('\n'));
  }
}

/**
 * Provides Kafka, PostgreSQL, OPA and (when possible) EventStoreDB: from the environment
 * (KAFKA_BROKERS, DATABASE_URL, OPA_PATH, EVENTSTORE_CONNECTION_STRING), else containers when a
 * Docker engine answers, else local processes (EventStoreDB has none). Components start in
 * parallel; if one fails, the others are stopped and the first error is thrown. Prints one
 * line per component naming its source. Values of components not asked for are empty.
 */
export async function startInfra(options: StartInfraOptions = {}): Promise<InfraHandle> {
  const components = options.components ?? ALL_COMPONENTS;
  const given = readInfraEnv(options.env ?? process.env);
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const docker = needsDockerProbe(given, components) && (await dockerEngineAnswers(options.dockerProbeTimeoutMs));
  const plan = planSources(given, docker, components);
  const ctx: StartContext = { root: repoRoot(), given, stopOnSignals: options.stopOnSignals ?? true, log };

  const wanted = components.filter((c) => plan[c] !== undefined && plan[c] !== 'unavailable');
  const settled = await Promise.allSettled(wanted.map((c) => timed(c, plan[c] as InfraSource, ctx)));
  const started = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failed.length > 0) {
    failed.slice(1).forEach((reason) => log(`infra: also failed: ${String(reason)}`));
    // The start failure is the news; a failure to clean up after it is reported beside it.
    await stopAll(started).catch((error: unknown) => log(`infra: cleanup after the failed start: ${String(error)}`));
    throw failed[0];
  }
  const value = (c: InfraComponent): StartedComponent<string | string[]> | undefined => started[wanted.indexOf(c)];
  const eventStoreReason = plan.eventstore === 'unavailable' ? EVENTSTORE_UNAVAILABLE_REASON : undefined;
  if (eventStoreReason) log(reportLine('eventstore', 'unavailable', eventStoreReason));

  let stopping: Promise<void> | undefined;
  return {
    kafkaBrokers: (value('kafka')?.value as string[] | undefined) ?? [],
    databaseUrl: (value('postgres')?.value as string | undefined) ?? '',
    opaPath: (value('opa')?.value as string | undefined) ?? '',
    ...(value('eventstore') ? { eventStoreConnectionString: value('eventstore')!.value as string } : {}),
    ...(eventStoreReason ? { eventStoreUnavailableReason: eventStoreReason } : {}),
    sources: Object.fromEntries(wanted.map((c) => [c, plan[c]])),
    stop: () => (stopping ??= stopAll(started)),
  };
}
