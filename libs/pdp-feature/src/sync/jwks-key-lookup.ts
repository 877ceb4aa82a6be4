import type { JWK } from 'jose';
import type { KeyLookup } from '@edict/pdp';
import { leanHttp } from './lean-http.client';

/**
 * Public keys from the signing service's JWKS, which lists only keys not retired. The copy is
 * refetched when it is older than `ttlMs`, and on an unknown kid, so a rotated key is picked up
 * at once and a retired key is forgotten within `ttlMs`. A failed fetch throws (the caller
 * cannot tell trusted from untrusted then) rather than answer from a stale copy.
 */
export function jwksKeyLookup(jwksUrl: string, ttlMs: number, now: () => number = Date.now): KeyLookup {
  let cache = new Map<string, JWK>();
  let fetchedAt = Number.NEGATIVE_INFINITY;
  const refresh = async (): Promise<void> => {
    const response = await leanHttp(jwksUrl, { timeoutMs: 5000 });
    if (!response.ok) throw new Error(`JWKS ${jwksUrl} answered ${response.status}`);
    const body = response.json() as { keys?: (JWK & { kid?: string })[] };
    cache = new Map((body.keys ?? []).filter((k) => typeof k.kid === 'string').map((k) => [k.kid as string, k]));
    fetchedAt = now();
  };
  return async (kid) => {
    if (!cache.has(kid) || now() - fetchedAt >= ttlMs) await refresh();
    return cache.get(kid);
  };
}
