import type { JWK } from 'jose';
import type { KeyLookup } from '@edict/pdp';

/** A JWKS fetched once per `ttlMs` and shared by every PDP of a bench process (a failed fetch is retried on the next lookup). */
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
      const fetching = fetchKeys();
      keys = fetching;
      // a failed fetch is not kept for the TTL: the next lookup asks again
      fetching.catch(() => {
        if (keys === fetching) keys = undefined;
      });
    }
    return (await keys).get(kid);
  };
};
