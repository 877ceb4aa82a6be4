import type { InfraComponent, InfraSource } from './infra-handle';

/** Infrastructure given in the environment (the first choice for every component). */
export interface EnvInfra {
  readonly kafkaBrokers?: string[];
  readonly databaseUrl?: string;
  readonly opaPath?: string;
  readonly eventStoreConnectionString?: string;
}

/** Where each requested component will come from; EventStoreDB may have no source at all. */
export type SourcePlan = Partial<Record<InfraComponent, InfraSource | 'unavailable'>>;

export const ALL_COMPONENTS: readonly InfraComponent[] = ['kafka', 'postgres', 'opa', 'eventstore'];

/** Why the EventStoreDB contract suite cannot run here. */
export const EVENTSTORE_UNAVAILABLE_REASON = 'no EVENTSTORE_CONNECTION_STRING and no Docker engine answered';

const nonEmpty = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

/** Reads KAFKA_BROKERS (comma-separated), DATABASE_URL, OPA_PATH and EVENTSTORE_CONNECTION_STRING. */
export function readInfraEnv(env: NodeJS.ProcessEnv): EnvInfra {
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  return {
    ...(brokers.length > 0 ? { kafkaBrokers: brokers } : {}),
    ...(nonEmpty(env.DATABASE_URL) ? { databaseUrl: nonEmpty(env.DATABASE_URL) } : {}),
    ...(nonEmpty(env.OPA_PATH) ? { opaPath: nonEmpty(env.OPA_PATH) } : {}),
    ...(nonEmpty(env.EVENTSTORE_CONNECTION_STRING) ? { eventStoreConnectionString: nonEmpty(env.EVENTSTORE_CONNECTION_STRING) } : {}),
  };
}

function fromEnv(component: InfraComponent, env: EnvInfra): boolean {
  switch (component) {
    case 'kafka':
      return env.kafkaBrokers !== undefined;
    case 'postgres':
      return env.databaseUrl !== undefined;
    case 'opa':
      return env.opaPath !== undefined;
    case 'eventstore':
      return env.eventStoreConnectionString !== undefined;
    default: {
      const unknown: never = component;
      throw new Error(`unknown component ${String(unknown)}`);
    }
  }
}

/** True when some requested component could come from a container, so Docker is worth probing. */
export function needsDockerProbe(env: EnvInfra, components: readonly InfraComponent[]): boolean {
  return components.some((c) => c !== 'opa' && !fromEnv(c, env));
}

/**
 * Environment first, then testcontainers when a Docker engine answers, then local processes.
 * OPA has no container (the binary is run by the code under test); EventStoreDB has no local
 * fallback.
 */
export function planSources(env: EnvInfra, dockerAnswers: boolean, components: readonly InfraComponent[]): SourcePlan {
  const plan: SourcePlan = {};
  for (const component of components) {
    if (fromEnv(component, env)) plan[component] = 'env';
    else if (component === 'opa') plan[component] = 'local';
    else if (dockerAnswers) plan[component] = 'testcontainers';
    else plan[component] = component === 'eventstore' ? 'unavailable' : 'local';
  }
  return plan;
}
