import { mintDevToken } from '@edict/service-kit';

/**
 * The bearer token validation uses towards distribution (serving state: `pdp` role) and the
 * decision log (export: `auditor` role): `EDICT_VALIDATION_TOKEN` in production; with the dev
 * issuer, a short-lived dev token for `system:validation` with both read-only roles.
 */
export async function validationServiceToken(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env['EDICT_VALIDATION_TOKEN'];
  if (configured) return configured;
  return mintDevToken({ subject: 'system:validation', roles: ['pdp', 'auditor'], ttlSeconds: 300 });
}
