import { readFileSync } from 'node:fs';
import { eventually, people, type StackClient } from '@edict/testing';

const versionPath = (policyId: string, version: string): string => `${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;

const expectStatus = (what: string, answer: { status: number; body: unknown }, status: number): void => {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
};

/** The rollout view of distribution (GET /v1/rollouts/:policyId), as far as these tests read it. */
export interface RolloutView {
  readonly stable: { readonly version: string } | null;
  readonly canary: { readonly version: string; readonly percentage: number; readonly stepStartedAt: string } | null;
  readonly archived: readonly string[];
  readonly gate: { readonly passed: boolean; readonly reasons: readonly string[] } | null;
}

/**
 * Takes a bundle file from draft to a canary at 10%, as `shipBundle` does but without promoting
 * it: drafted by alice, validated, approved by bob and carol, signed, verified by distribution,
 * started by carol. Promotion is the caller's: it needs traffic now that the gates count.
 */
export async function releaseToCanary(client: StackClient, file: string): Promise<{ policyId: string; version: string; rollout: RolloutView }> {
  const alice = client.as(people.alice.subject, [...people.alice.roles]);
  const carol = client.as(people.carol.subject, [...people.carol.roles]);
  const drafted = await alice.call<{ policyId: string; version: string }>('authoring', 'POST', '/v1/bundles', { source: readFileSync(file, 'utf8'), filename: file });
  expectStatus('draft', drafted, 201);
  const { policyId, version } = drafted.body;
  expectStatus('submit', await alice.call('authoring', 'POST', `/v1/bundles/${versionPath(policyId, version)}/submit`, {}), 200);
  const verdict = await eventually('validation', async () => {
    const answer = await alice.call<{ outcome: string }>('validation', 'GET', `/v1/validations/${versionPath(policyId, version)}`);
    return answer.status === 200 ? answer.body : undefined;
  }, 120_000);
  if (verdict.outcome !== 'validated') throw new Error(`validation failed: ${JSON.stringify(verdict)}`);
  const bob = client.as(people.bob.subject, [...people.bob.roles]);
  expectStatus('approve (security)', await bob.call('authoring', 'POST', `/v1/bundles/${versionPath(policyId, version)}/approve`, {}), 200);
  expectStatus('approve (platform)', await carol.call('authoring', 'POST', `/v1/bundles/${versionPath(policyId, version)}/approve`, {}), 200);
  await eventually('a verified signature at distribution', async () => {
    const answer = await carol.call<{ items?: { version: string }[] }>('distribution', 'GET', `/v1/releases/${encodeURIComponent(policyId)}`);
    return answer.body.items?.some((r) => r.version === version) ? true : undefined;
  }, 120_000);
  const started = await carol.call<RolloutView>('distribution', 'POST', `/v1/rollouts/${encodeURIComponent(policyId)}/start`, { version });
  expectStatus('start rollout', started, 200);
  return { policyId, version, rollout: started.body };
}
