import { readFileSync } from 'node:fs';
import { eventually, type StackClient } from './stack-client';

/** The people of the demo and the e2e test, with the roles their steps need. */
export const people = {
  alice: { subject: 'alice', roles: ['author', 'security'] },
  bob: { subject: 'bob', roles: ['security'] },
  carol: { subject: 'carol', roles: ['platform'] },
  dave: { subject: 'dave', roles: ['oncall'] },
} as const;

const path = (policyId: string, version: string): string => `${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;

const expectStatus = (what: string, answer: { status: number; body: unknown }, status: number): void => {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
};

/**
 * Takes one bundle file through the whole pipeline: drafted by alice → submitted → validated →
 * approved by bob (security) and carol (platform) → signed → verified by distribution →
 * rolled out 10 → 50 → 100 by carol. Every hop crosses the event store and Kafka.
 */
export async function shipBundle(client: StackClient, file: string, report: (line: string) => void = () => undefined): Promise<{ policyId: string; version: string }> {
  const alice = client.as(people.alice.subject, [...people.alice.roles]);
  const bob = client.as(people.bob.subject, [...people.bob.roles]);
  const carol = client.as(people.carol.subject, [...people.carol.roles]);
  const drafted = await alice.call<{ policyId: string; version: string; digest: string }>('authoring', 'POST', '/v1/bundles', { source: readFileSync(file, 'utf8'), filename: file });
  expectStatus('draft', drafted, 201);
  const { policyId, version } = drafted.body;
  report(`drafted ${policyId}@${version} (${drafted.body.digest.slice(0, 19)}…) by alice`);
  expectStatus('submit', await alice.call('authoring', 'POST', `/v1/bundles/${path(policyId, version)}/submit`, {}), 200);
  const verdict = await eventually('validation', async () => {
    const answer = await alice.call<{ outcome: string }>('validation', 'GET', `/v1/validations/${path(policyId, version)}`);
    return answer.status === 200 ? answer.body : undefined;
  });
  if (verdict.outcome !== 'validated') throw new Error(`validation failed: ${JSON.stringify(verdict)}`);
  report(`submitted and validated by the validation service`);
  expectStatus('approve (security)', await bob.call('authoring', 'POST', `/v1/bundles/${path(policyId, version)}/approve`, {}), 200);
  expectStatus('approve (platform)', await carol.call('authoring', 'POST', `/v1/bundles/${path(policyId, version)}/approve`, {}), 200);
  report(`approved by bob (security) and carol (platform)`);
  await eventually('a verified signature at distribution', async () => {
    const answer = await carol.call<{ items: { version: string }[] }>('distribution', 'GET', `/v1/releases/${encodeURIComponent(policyId)}`);
    return answer.body.items?.some((r) => r.version === version) ? true : undefined;
  });
  report(`signed by signing (its active key); signature verified by distribution`);
  expectStatus('start rollout', await carol.call('distribution', 'POST', `/v1/rollouts/${encodeURIComponent(policyId)}/start`, { version }), 200);
  for (const step of [50, 100]) {
    expectStatus(`promote to ${step}%`, await carol.call('distribution', 'POST', `/v1/rollouts/${encodeURIComponent(policyId)}/promote`, {}), 200);
  }
  report(`rolled out 10% → 50% → 100%`);
  return { policyId, version };
}
