import { DEFAULT_SERVICE_PORTS, serviceUrlVariable, type ServiceName } from '@edict/contracts';

export type { ServiceName };

/** Where a service listens: `EDICT_<SERVICE>_URL`, else the local stack's default port. */
export function serviceUrl(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  return (env[serviceUrlVariable(service)] ?? `http://127.0.0.1:${DEFAULT_SERVICE_PORTS[service]}`).replace(/\/$/, '');
}
