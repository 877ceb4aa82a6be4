import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import type { KeyLookup } from '@edict/pdp';

/**
 * Keys from a JWKS file given to the PDP at deploy time (`EDICT_PDP_MANIFEST_JWKS_FILE`): nothing is
 * fetched, so an attacker on the path to distribution cannot swap the key the manifests verify with.
 */
export function pinnedKeyLookup(file: string): KeyLookup {
  const body = JSON.parse(readFileSync(file, 'utf8')) as { keys?: (JWK & { kid?: string })[] };
  const keys = new Map((body.keys ?? []).filter((k) => typeof k.kid === 'string').map((k) => [k.kid as string, k]));
  if (keys.size === 0) throw new Error(`${file} holds no keys with a kid`);
  return (kid) => Promise.resolve(keys.get(kid));
}
