// The Nest-free part of the HTTP edge, for processes that serve HTTP without Nest (the PDP's
// lean runtime): `@edict/service-kit/edge` loads neither @nestjs/* nor class-validator nor
// swagger, where `@edict/service-kit` loads them all. The main barrel re-exports all of it.
export * from './auth/roles';
export * from './auth/principal';
export * from './auth/role-check';
export * from './auth/auth.config';
export * from './auth/bearer-token';
export * from './auth/token-claims';
export * from './auth/token-verifier';
export * from './auth/dev-token';
export * from './problem/problem-codes';
export * from './problem/problem-details';
export * from './http/media-type';
export * from './http/json-body-limits';
export * from './http/json-prescan';
export * from './http/json-scan-refusal';
export { BODY_LIMIT_BYTES } from './bootstrap/bootstrap.options';
export { tlsOptionsFromEnv, type TlsOptions } from './bootstrap/tls-options';
