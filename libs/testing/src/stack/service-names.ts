export { DEFAULT_SERVICE_PORTS, SERVICE_NAMES, serviceUrlVariable as urlVariable, type ServiceName } from '@edict/contracts';
