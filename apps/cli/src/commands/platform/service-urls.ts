/** Where each service listens: `EDICT_<SERVICE>_URL`, else the local stack's default port. */
const DEFAULT_PORTS = {
  authoring: 4101,
  validation: 4102,
  signing: 4103,
  distribution: 4104,
  'decision-log': 4105,
  'incident-response': 4106,
  pdp: 4107,
} as const;

export type ServiceName = keyof typeof DEFAULT_PORTS;

export function serviceUrl(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const name = `EDICT_${service.toUpperCase().replace(/-/g, '_')}_URL`;
  return (env[name] ?? `http://127.0.0.1:${DEFAULT_PORTS[service]}`).replace(/\/$/, '');
}
