import type { JWK } from 'jose';
import type { KeyLookup } from '@edict/pdp';

/** A JWKS fetched once per `ttlMs` and shared by every PDP of a bench process. */
export const cachedJwks = (url: string, ttlMs: number): KeyLookup => {
  let keys: Promise<Map<string, JWK>> | undefined;
  let fetchedAt = 0;
  const fetchKeys = async (): Promise<Map<string, JWK>> => {
    const body = (await (await fetch(url)).json()) as { keys?: (JWK & { kid?: string })[] };
    return new Map((body.keys ?? []).map((k) => [String(k.kid), k]));
  };
  return async (kid) => {
    if (!keys || Date.now() - fetchedAt > ttlMs) {
      fetchedAt = Date.now();
      keys = fetchKeys();
    }
    return (await keys).get(kid);
  };
};
