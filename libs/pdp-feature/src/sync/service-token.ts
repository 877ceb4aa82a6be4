import { readFileSync } from 'node:fs';
import { mintDevToken } from '@edict/service-kit/edge';

/**
 * The bearer token the PDP uses towards distribution, with the read-only `pdp` role:
 * `EDICT_PDP_TOKEN_FILE` (read on every use, so a token refreshed on disk by the platform — a
 * projected service-account token, a sidecar — is picked up without a restart), else
 * `EDICT_PDP_TOKEN`; with the dev issuer, a short-lived dev token for `system:pdp` (5 min), reused
 * until a minute before it expires.
 * Services refuse tokens without `exp` or living longer than EDICT_JWT_MAX_LIFETIME_SECONDS.
 */
export async function serviceToken(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = env['EDICT_PDP_TOKEN_FILE'];
  if (file) return readFileSync(file, 'utf8').trim();
  const configured = env['EDICT_PDP_TOKEN'];
  if (configured) return configured;
  const now = Date.now();
  const secret = process.env['EDICT_DEV_JWT_SECRET'] ?? '';
  if (!devToken || devToken.renewAt <= now || devToken.secret !== secret) {
    devToken = { token: mintDevToken({ subject: 'system:pdp', roles: ['pdp'], ttlSeconds: DEV_TOKEN_TTL_S }), renewAt: now + (DEV_TOKEN_TTL_S - 60) * 1000, secret };
    devToken.token.catch(() => (devToken = undefined)); // a failed mint is not kept
  }
  return devToken.token;
}

const DEV_TOKEN_TTL_S = 300;
/** the dev token in use, reused until a minute before it expires (a mint per call cost each poll a signing) */
let devToken: { readonly token: Promise<string>; readonly renewAt: number; readonly secret: string } | undefined;
