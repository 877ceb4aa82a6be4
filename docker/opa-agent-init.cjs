#!/usr/bin/env node
// Writes what the compose `opa` agent needs to join Edict (dev stacks only): a `pdp` dev token
// (HS256 with EDICT_DEV_JWT_SECRET, 24 h) and an OPA config with signing's active public key,
// pointing bundles and status at distribution and decision logs at decision-log
// (docs/opa-fleets.md). Retries until signing answers. Plain node: nothing but built-ins.
//
//   node docker/opa-agent-init.cjs OUT_DIR
// env: EDICT_DEV_JWT_SECRET, EDICT_SIGNING_URL, EDICT_DISTRIBUTION_URL, EDICT_DECISION_LOG_URL,
//      EDICT_OPA_AGENT_ID (compose-opa-1), EDICT_OPA_POLICIES (org/egress; comma-separated)
'use strict';
const { createHmac } = require('node:crypto');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const out = process.argv[2] || '/opa-agent';
const env = (name, fallback) => process.env[name] || fallback;
const secret = env('EDICT_DEV_JWT_SECRET', '');
if (!secret) throw new Error('EDICT_DEV_JWT_SECRET is not set');
const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const token = (subject, roles, ttl) => {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ roles, sub: subject, iss: 'edict-dev', iat: now, exp: now + ttl })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
};
const agentId = env('EDICT_OPA_AGENT_ID', 'compose-opa-1');
const signing = env('EDICT_SIGNING_URL', 'http://signing:4103');

async function activeKey() {
  for (let attempt = 1; ; attempt++) {
    try {
      const keys = await (await fetch(`${signing}/v1/keys`, { headers: { authorization: `Bearer ${token('opa-agent-init', ['auditor'], 300)}` } })).json();
      const active = keys.items.filter((k) => k.status === 'active');
      const es256 = active.find((k) => k.alg === 'ES256');
      // stock opa verifies no EdDSA bundle, and signing gives only ES256 versions an OPA form
      if (active.length > 0 && !es256) throw Object.assign(new Error('the active signing key is not ES256: rotate it (edict keys rotate) and run opa-agent-init again'), { fatal: true });
      if (!es256) throw new Error('signing has no active key yet');
      return { kid: es256.kid, pem: await (await fetch(`${signing}/v1/keys/${es256.kid}.pem`)).text() };
    } catch (error) {
      if (error.fatal) throw error;
      if (attempt >= 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

(async () => {
  const { kid, pem } = await activeKey();
  mkdirSync(out, { recursive: true });
  const tokenFile = join(out, 'edict-opa.token');
  writeFileSync(tokenFile, token(agentId, ['pdp'], 86400), { mode: 0o644 });
  const service = (url) => ({ url: `${url}/opa`, headers: { 'X-Edict-Agent-Id': agentId }, credentials: { bearer: { token_path: tokenFile } } });
  const polling = { min_delay_seconds: 60, max_delay_seconds: 120, long_polling_timeout_seconds: 60 };
  const config = {
    labels: { app: 'edict-local', environment: 'dev' },
    services: { edict: service(env('EDICT_DISTRIBUTION_URL', 'http://distribution:4104')), 'edict-logs': service(env('EDICT_DECISION_LOG_URL', 'http://decision-log:4105')) },
    keys: { [kid]: { algorithm: 'ES256', key: pem } },
    bundles: Object.fromEntries(env('EDICT_OPA_POLICIES', 'org/egress').split(',').map((p) => p.trim()).filter(Boolean)
      .map((policyId) => [policyId, { service: 'edict', resource: `bundles/${policyId}`, signing: { keyid: kid }, polling }])),
    status: { service: 'edict' },
    decision_logs: { service: 'edict-logs', reporting: { min_delay_seconds: 5, max_delay_seconds: 10 } },
  };
  // JSON is YAML: opa reads it with --config-file
  writeFileSync(join(out, 'opa-config.json'), `${JSON.stringify(config, null, 2)}\n`);
  process.stdout.write(`wrote ${out}/opa-config.json and ${tokenFile} (key ${kid})\n`);
})().catch((error) => {
  process.stderr.write(`opa-agent-init failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
