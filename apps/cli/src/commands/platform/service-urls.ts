import { DEFAULT_SERVICE_PORTS, serviceUrlVariable, type ServiceName } from '@edict/contracts';
import { resolveToken, resolveUrl, type CliConfig, type GlobalFlags } from './cli-config';
import { globalFlags, loadedConfig } from './cli-config-file';

export type { ServiceName };

/** Where a service listens: `EDICT_<SERVICE>_URL`, else the profile's `urls.<service>`, else the local stack's default port. */
export function serviceUrl(service: ServiceName, env: NodeJS.ProcessEnv = process.env, config: CliConfig = loadedConfig(), flags: GlobalFlags = globalFlags()): string {
  return (resolveUrl(service, serviceUrlVariable(service), flags, env, config) ?? `http://127.0.0.1:${DEFAULT_SERVICE_PORTS[service]}`).replace(/\/$/, '');
}

/** The bearer token: `--token`, else `EDICT_TOKEN`, else the profile's token. */
export function serviceToken(env: NodeJS.ProcessEnv = process.env, config: CliConfig = loadedConfig(), flags: GlobalFlags = globalFlags()): string | undefined {
  return resolveToken(flags, env, config);
}
