/** DI tokens of what `ServiceKitModule` provides (besides the `ServiceMetrics` and `ReadinessRegistry` classes). */
export const SERVICE_NAME = Symbol('edict:service-name');
/** the service's pino `Logger` */
export const LOGGER = Symbol('edict:logger');
/** the `TokenVerifier` the auth guard uses */
export const TOKEN_VERIFIER = Symbol('edict:token-verifier');
