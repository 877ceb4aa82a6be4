import { readFileSync } from 'node:fs';
import { mintDevToken } from '@edict/service-kit/edge';

/**
 * The bearer token the PDP uses towards distribution, with the read-only `pdp` role:
 * `EDICT_PDP_TOKEN_FILE` (read on every use, so a token refreshed on disk by the platform — a
 * projected service-account token, a sidecar — is picked up without a restart), else
 * `EDICT_PDP_TOKEN`; with the dev issuer, a short-lived dev token for `system:pdp`, minted as needed.
 * Services refuse tokens without `exp` or living longer than EDICT_JWT_MAX_LIFETIME_SECONDS.
 */
export async function serviceToken(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = env['EDICT_PDP_TOKEN_FILE'];
  if (file) return readFileSync(file, 'utf8').trim();
  const configured = env['EDICT_PDP_TOKEN'];
  if (configured) return configured;
  return mintDevToken({ subject: 'system:pdp', roles: ['pdp'], ttlSeconds: 300 });
}
