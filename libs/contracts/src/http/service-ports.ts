/** The services, in the order the local stack starts them. */
export const SERVICE_NAMES = ['authoring', 'validation', 'signing', 'distribution', 'decision-log', 'incident-response', 'pdp'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Default HTTP ports (README table; `PORT` overrides per service). */
export const DEFAULT_SERVICE_PORTS: Readonly<Record<ServiceName, number>> = {
  authoring: 4101,
  validation: 4102,
  signing: 4103,
  distribution: 4104,
  'decision-log': 4105,
  'incident-response': 4106,
  pdp: 4107,
};

/** `EDICT_<NAME>_URL`: how services, the CLI and tools find a service. */
export const serviceUrlVariable = (service: ServiceName): string => `EDICT_${service.toUpperCase().replace(/-/g, '_')}_URL`;
