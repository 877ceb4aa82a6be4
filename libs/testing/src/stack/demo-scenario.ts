import { join } from 'node:path';
import { askPdpUntilVersion, type Decision } from './ask-pdp';
import { people, shipBundle } from './bundle-pipeline';
import { eventually, type StackClient } from './stack-client';

const pypi = {
  policyId: 'org/baseline',
  subject: 'agent-7',
  request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' },
};

const said = (d: Decision): string => `${d.result.effect} by rule ${d.result.rule ?? '(default)'} of ${d.policyId}@${d.version ?? '-'}`;

/**
 * The walking skeleton as a story for the local demo: ship the org baseline 1.0.0, ask the PDP,
 * find the decision in the decision log, ship 1.1.0 (which cuts PyPI off), roll it back.
 */
export async function runDemoScenario(client: StackClient, root: string, say: (line: string) => void): Promise<void> {
  say('1. org/baseline 1.0.0: through the whole pipeline');
  await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'), (l) => say(`   ${l}`));
  const first = await askPdpUntilVersion(client, pypi, '1.0.0');
  say(`   PDP: may agent-7 (coder) connect to pypi.org? → ${said(first)}`);
  const auditor = client.as('erin', ['auditor']);
  await eventually('the decision in the decision log', async () => {
    const answer = await auditor.call<{ items: { decisionId: string }[] }>('decision-log', 'GET', '/v1/decisions?policyId=org%2Fbaseline');
    return answer.body.items.find((d) => d.decisionId === first.decisionId);
  });
  say(`   decision ${first.decisionId} is on edict.decisions.v1 and in the decision-log API`);
  say('2. org/baseline 1.1.0: drops the Python registries');
  await shipBundle(client, join(root, 'examples/bundles/org/baseline.candidate.yaml'), (l) => say(`   ${l}`));
  const second = await askPdpUntilVersion(client, pypi, '1.1.0');
  say(`   PDP: the same question → ${said(second)}`);
  say('3. dave (oncall) rolls 1.1.0 back');
  const oncall = client.as(people.dave.subject, [...people.dave.roles]);
  const rollback = await oncall.call('distribution', 'POST', '/v1/rollouts/org%2Fbaseline/rollback', { reason: '1.1.0 cut every team off PyPI' });
  if (rollback.status !== 200) throw new Error(`rollback answered ${rollback.status}: ${JSON.stringify(rollback.body)}`);
  const third = await askPdpUntilVersion(client, pypi, '1.0.0');
  say(`   PDP: the same question → ${said(third)}`);
}
