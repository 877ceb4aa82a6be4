import { mintDevToken } from '@edict/service-kit';

/**
 * The bearer token the PDP uses towards distribution: `EDICT_PDP_TOKEN` in production; with the
 * dev issuer, a short-lived dev token for `system:pdp` with the platform role, minted as needed.
 */
export async function serviceToken(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env['EDICT_PDP_TOKEN'];
  if (configured) return configured;
  return mintDevToken({ subject: 'system:pdp', roles: ['platform'], ttlSeconds: 300 });
}
