import type { DecisionLogged } from '@edict/contracts';
import { eventually, type StackClient } from './stack-client';

export type Decision = DecisionLogged['data'];

export interface Question {
  readonly policyId: string;
  readonly subject: string;
  readonly request: { readonly agent: string; readonly action: string; readonly resource: string; readonly context?: Record<string, unknown> };
}

/** Asks the PDP sidecar until its answer comes from `version` (it follows rollouts by push and pull). */
export function askPdpUntilVersion(client: StackClient, question: Question, version: string, timeoutMs = 30000): Promise<Decision> {
  const caller = client.as('svc-web', ['platform']);
  return eventually(`the PDP to serve ${question.policyId}@${version}`, async () => {
    const answer = await caller.call<Decision>('pdp', 'POST', '/v1/decisions', question);
    if (answer.status !== 200) throw new Error(`PDP answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.version === version ? answer.body : undefined;
  }, timeoutMs);
}
