import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mintDevToken } from '@edict/service-kit';
import { stringify } from 'yaml';

/**
 * What `npm run demo` leaves for a stock `opa` to join it (docs/opa-fleets.md, "A complete
 * configuration for npm run demo"): a `pdp` token file (24 h), signing's active public key, and
 * `opa-edict.yaml` for org/egress, in `dir`. Returns the lines the demo prints.
 */
export async function writeDemoOpaAgent(urls: { readonly distribution: string; readonly decisionLog: string; readonly signing: string }, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const tokenFile = join(dir, 'edict-opa.token');
  writeFileSync(tokenFile, await mintDevToken({ subject: 'opa-laptop-1', roles: ['pdp'], ttlSeconds: 86_400 }), { mode: 0o600 });
  const reader = await mintDevToken({ subject: 'demo', roles: ['auditor'], ttlSeconds: 300 });
  const keys = (await (await fetch(`${urls.signing}/v1/keys`, { headers: { authorization: `Bearer ${reader}` } })).json()) as { items: { kid: string; status: string }[] };
  const kid = keys.items.find((k) => k.status === 'active')?.kid;
  if (!kid) throw new Error('signing has no active key');
  const pem = await (await fetch(`${urls.signing}/v1/keys/${kid}.pem`)).text();
  const service = (url: string): Record<string, unknown> => ({
    url: `${url}/opa`, headers: { 'X-Edict-Agent-Id': 'opa-laptop-1' }, credentials: { bearer: { token_path: tokenFile } },
  });
  const config = {
    labels: { region: 'local' },
    services: { edict: service(urls.distribution), 'edict-logs': service(urls.decisionLog) },
    keys: { [kid]: { algorithm: 'ES256', key: pem } },
    bundles: {
      'org/egress': {
        service: 'edict', resource: 'bundles/org/egress', signing: { keyid: kid },
        polling: { min_delay_seconds: 60, max_delay_seconds: 120, long_polling_timeout_seconds: 60 },
      },
    },
    status: { service: 'edict' },
    decision_logs: { service: 'edict-logs', reporting: { min_delay_seconds: 5, max_delay_seconds: 10 } },
  };
  const file = join(dir, 'opa-edict.yaml');
  writeFileSync(file, stringify(config));
  return [
    `  opa agent:  opa run --server --addr 127.0.0.1:8181 --config-file ${file}`,
    `              (pdp token ${tokenFile}, 24 h; signing key ${kid}; org/egress must be rolled out first: docs/opa-fleets.md)`,
  ];
}
