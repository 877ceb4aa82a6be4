import { readFileSync } from 'node:fs';
import { eventually, people, type StackClient } from '@edict/testing';

const versionPath = (policyId: string, version: string): string => `${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;

const expectStatus = (what: string, answer: { status: number; body: unknown }, status: number): void => {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
};

/**
 * Takes `versions` of one bundle file (its `version: <from>` line replaced) through draft,
 * validation, both approvals and signing, all at once, and waits until distribution verified
 * every signature: each can then be rolled out without waiting for the pipeline.
 */
export async function releaseVersions(client: StackClient, file: string, versions: readonly string[], from = '1.0.0'): Promise<string> {
  const alice = client.as(people.alice.subject, [...people.alice.roles]);
  const bob = client.as(people.bob.subject, [...people.bob.roles]);
  const carol = client.as(people.carol.subject, [...people.carol.roles]);
  const source = readFileSync(file, 'utf8');
  let policyId = '';
  for (const version of versions) {
    const drafted = await alice.call<{ policyId: string }>('authoring', 'POST', '/v1/bundles', { source: source.replace(new RegExp(`^(\\s*version:\\s*)${from.replace(/\./g, '\\.')}\\s*$`, 'm'), `$1${version}`), filename: file });
    expectStatus(`draft ${version}`, drafted, 201);
    policyId = drafted.body.policyId;
    expectStatus(`submit ${version}`, await alice.call('authoring', 'POST', `/v1/bundles/${versionPath(policyId, version)}/submit`, {}), 200);
  }
  for (const version of versions) {
    const verdict = await eventually(`validation of ${version}`, async () => {
      const answer = await alice.call<{ outcome: string }>('validation', 'GET', `/v1/validations/${versionPath(policyId, version)}`);
      return answer.status === 200 ? answer.body : undefined;
    }, 300_000);
    if (verdict.outcome !== 'validated') throw new Error(`validation of ${version} failed: ${JSON.stringify(verdict)}`);
    expectStatus(`approve ${version} (security)`, await bob.call('authoring', 'POST', `/v1/bundles/${versionPath(policyId, version)}/approve`, {}), 200);
    expectStatus(`approve ${version} (platform)`, await carol.call('authoring', 'POST', `/v1/bundles/${versionPath(policyId, version)}/approve`, {}), 200);
  }
  await eventually('verified signatures at distribution', async () => {
    const answer = await carol.call<{ items?: { version: string }[] }>('distribution', 'GET', `/v1/releases/${encodeURIComponent(policyId)}`);
    return versions.every((v) => answer.body.items?.some((r) => r.version === v)) ? true : undefined;
  }, 300_000);
  return policyId;
}

/** Starts a released version and promotes it 10 → 50 → 100 (gates off in the bench's stack). */
export async function rollOut(client: StackClient, policyId: string, version: string): Promise<void> {
  const carol = client.as(people.carol.subject, [...people.carol.roles]);
  const rollout = `/v1/rollouts/${encodeURIComponent(policyId)}`;
  expectStatus(`start ${version}`, await carol.call('distribution', 'POST', `${rollout}/start`, { version }), 200);
  for (const step of [50, 100]) expectStatus(`promote ${version} to ${step}%`, await carol.call('distribution', 'POST', `${rollout}/promote`, {}), 200);
}

/** The on-call engineer's rollback of the stable version (to the previous one). */
export async function rollBack(client: StackClient, policyId: string): Promise<void> {
  const dave = client.as(people.dave.subject, [...people.dave.roles]);
  expectStatus('rollback', await dave.call('distribution', 'POST', `/v1/rollouts/${encodeURIComponent(policyId)}/rollback`, { reason: 'bench: propagation' }), 200);
}
