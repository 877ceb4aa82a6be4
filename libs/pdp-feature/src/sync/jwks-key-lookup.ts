import type { JWK } from 'jose';
import type { KeyLookup } from '@edict/pdp';

/**
 * Public keys from the signing service's JWKS, cached; an unknown kid refetches once, so a
 * rotated key is picked up without a restart.
 */
export function jwksKeyLookup(jwksUrl: string): KeyLookup {
  let cache = new Map<string, JWK>();
  const refresh = async (): Promise<void> => {
    const response = await fetch(jwksUrl);
    if (!response.ok) throw new Error(`JWKS ${jwksUrl} answered ${response.status}`);
    const body = (await response.json()) as { keys?: (JWK & { kid?: string })[] };
    cache = new Map((body.keys ?? []).filter((k) => typeof k.kid === 'string').map((k) => [k.kid as string, k]));
  };
  return async (kid) => {
    if (!cache.has(kid)) await refresh();
    return cache.get(kid);
  };
}
