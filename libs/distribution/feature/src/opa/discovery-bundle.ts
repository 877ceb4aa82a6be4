import { createHash } from 'node:crypto';
import { tierOfPolicyId } from '@edict/contracts';
import { ValidationError } from '@edict/core';
import { MANIFEST_FILE, packSignedOpaBundle, signOpaBundle, type OpaSigningOptions } from '@edict/opa-bundle';

/** The service names a discovered configuration refers to: the agent's boot config defines both (docs/opa-fleets.md, Discovery). */
export const DISCOVERY_SERVICES = { bundles: 'edict', logs: 'edict-logs' } as const;
/** Where the configuration sits in the discovery bundle: boot config `discovery.decision: discovery/config`. */
export const DISCOVERY_ROOT = 'discovery';
const MAX_POLICIES = 100;

/** `?policies=org/egress,teams/alpha/egress`: the policies whose bundles the agent should load (1-100 policy ids). */
export function discoveryPolicies(query: string | undefined): string[] {
  const ids = [...new Set((query ?? '').split(',').map((p) => p.trim()).filter(Boolean))].sort();
  const why = ids.length === 0 ? 'name at least one' : ids.length > MAX_POLICIES ? `name at most ${MAX_POLICIES}` : undefined;
  if (why) throw new ValidationError('OPA.DISCOVERY_POLICIES_INVALID', `?policies= lists the policy ids whose bundles the agent loads: ${why}`);
  for (const id of ids) {
    try {
      tierOfPolicyId(id);
    } catch {
      throw new ValidationError('OPA.DISCOVERY_POLICIES_INVALID', `'${id}' in ?policies= is not a policy id`);
    }
  }
  return ids;
}

/**
 * The configuration an agent discovers: one bundle per policy from Edict's Bundle API (long polling,
 * signature checked by the JWS `kid` against the boot config's `keys`), status reports to
 * distribution and decision logs to decision-log, under the service names of DISCOVERY_SERVICES.
 */
export const discoveredConfig = (policies: readonly string[]): Record<string, unknown> => ({
  bundles: Object.fromEntries(policies.map((policyId) => [policyId, {
    service: DISCOVERY_SERVICES.bundles,
    resource: `bundles/${policyId}`,
    signing: {},
    polling: { min_delay_seconds: 60, max_delay_seconds: 120, long_polling_timeout_seconds: 60 },
  }])),
  status: { service: DISCOVERY_SERVICES.bundles },
  decision_logs: { service: DISCOVERY_SERVICES.logs, reporting: { min_delay_seconds: 5, max_delay_seconds: 10 } },
});

/** The signed discovery bundle for these policies: revision = a digest of the configuration, so it changes only with it. */
export async function buildDiscoveryBundle(policies: readonly string[], signing: OpaSigningOptions): Promise<{ tarball: Buffer; digest: string; revision: string }> {
  const config = Buffer.from(JSON.stringify(discoveredConfig(policies)));
  const revision = `discovery-${createHash('sha256').update(config).digest('hex').slice(0, 16)}`;
  const manifest = Buffer.from(JSON.stringify({ revision, roots: [DISCOVERY_ROOT] }));
  const files = [{ name: MANIFEST_FILE, bytes: manifest }, { name: `${DISCOVERY_ROOT}/config/data.json`, bytes: config }];
  const signatures = await signOpaBundle(files, signing);
  const { tarball, digest } = await packSignedOpaBundle(files, signatures);
  return { tarball, digest, revision };
}
