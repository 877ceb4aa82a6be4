import { generateKeyPairSync } from 'node:crypto';
import type { JWK } from 'jose';
import type { BuildOpaBundleInput, OpaSigningOptions } from './opa-bundle.types';
import { opaSignerFromPrivateKey } from './opa-signer';

/** A small team policy: deny api.example.com, with an allow-list in data (test fixture). */
export const networkPolicy = (version = '1.0.0'): BuildOpaBundleInput => ({
  policyId: 'teams/alpha/network',
  version,
  rego: {
    modules: {
      'policy.rego': 'package edict.teams.alpha.network\n\ndeny contains "blocked host" if input.url == "api.example.com"\n\nallow if input.url in data.edict.teams.alpha.network.allowed\n',
      'policy_test.rego': 'package edict.teams.alpha.network.test\n\nimport data.edict.teams.alpha.network\n\ntest_blocked if "blocked host" in network.deny with input as {"url": "api.example.com"}\n',
    },
    data: { allowed: ['pypi.org', 'github.com'], limits: { max: 3 } },
  },
});

/** A fresh ES256 key: the signing options for it and its public JWK (with kid and alg). */
export function es256Key(kid: string): { signing: OpaSigningOptions; publicJwk: JWK } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { signing: { kid, alg: 'ES256', sign: opaSignerFromPrivateKey(privateKey) }, publicJwk: { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256' } };
}
