import { cohortOf, type DecisionLogged } from '@edict/contracts';
import { eventually, type StackClient } from '@edict/testing';

type Decision = DecisionLogged['data'];

/** A question for the PDP, minus the subject (the subject picks the cohort). */
export interface Ask {
  readonly policyId: string;
  readonly request: { readonly agent: string; readonly action: string; readonly resource: string; readonly context?: Record<string, unknown> };
}

/** `count` subjects (`agent-<n>`) whose cohort for the policy is in [from, below): the canary at `below`%. */
export function subjectsInCohorts(policyId: string, from: number, below: number, count: number): string[] {
  const subjects: string[] = [];
  for (let n = 0; subjects.length < count; n++) {
    const cohort = cohortOf(policyId, `agent-${n}`);
    if (cohort >= from && cohort < below) subjects.push(`agent-${n}`);
  }
  return subjects;
}

/** Resolves once the wall clock (which the services on this machine share) passes the next multiple of `lengthMs`. */
export async function nextWindowStart(lengthMs: number): Promise<number> {
  const start = (Math.floor(Date.now() / lengthMs) + 1) * lengthMs;
  await new Promise((resolve) => setTimeout(resolve, start - Date.now() + 20));
  return start;
}

/** Waits until the PDP serves `version` of the policy as a canary at `percentage` (asking /v1/policies logs no decision). */
export function pdpServesCanary(client: StackClient, policyId: string, version: string, percentage: number): Promise<true> {
  const caller = client.as('svc-web', ['platform']);
  return eventually(`the PDP to serve ${policyId}@${version} to ${percentage}%`, async () => {
    const answer = await caller.call<{ policyId: string; canary: { version: string; percentage: number } | null }[]>('pdp', 'GET', '/v1/policies');
    return answer.body.some((p) => p.policyId === policyId && p.canary?.version === version && p.canary.percentage === percentage) ? true : undefined;
  }, 120_000);
}

/** Asks the PDP once per subject, `parallel` at a time; every answer must be a 200. */
export async function decideFor(client: StackClient, subjects: readonly string[], ask: Ask, parallel = 16): Promise<Decision[]> {
  const caller = client.as('svc-web', ['platform']);
  const answers: Decision[] = [];
  for (let i = 0; i < subjects.length; i += parallel) {
    const batch = await Promise.all(subjects.slice(i, i + parallel).map((subject) => caller.call<Decision>('pdp', 'POST', '/v1/decisions', { ...ask, subject })));
    for (const answer of batch) {
      if (answer.status !== 200) throw new Error(`PDP answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      answers.push(answer.body);
    }
  }
  return answers;
}

/** How many of the decisions fall in each window (by start, ISO), from their own timestamps. */
export function perWindow(decisions: readonly Decision[], lengthMs: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of decisions) {
    const start = new Date(Math.floor(Date.parse(d.timestamp) / lengthMs) * lengthMs).toISOString();
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  return counts;
}
